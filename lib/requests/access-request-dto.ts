import 'server-only';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ACCESS_REQUEST_STATUSES, accessRequests, apps, sites, users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import type { Locale } from '@/lib/i18n/locales';

export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/** The reason stored on a request approved because its app is pre-approved on the site. */
export const PRE_APPROVED_REASON = 'pre-approved';

/**
 * The app as the requester's consent page named it: client id, scopes and callback (never the
 * page's state or a code). `appClientId` is the client id Greenlight has on record for the
 * requested app, when it has one, so the admin sees whether the two agree.
 */
export interface RequestedConsent {
  clientId: string;
  scopes: string[];
  redirectUri: string;
  redirectHost: string;
  appClientId: string | null;
}

/** An access request as the API returns it. */
export interface AccessRequestDto {
  id: string;
  status: AccessRequestStatus;
  /** What the requester wrote, exactly as written (never translated). */
  message: string | null;
  /** The language the message was written in (the requester's locale when filing), when known. */
  messageLocale: Locale | null;
  /** Set when the requester pasted the consent page's address. */
  consent: RequestedConsent | null;
  /** The admin's reason for a decision (shown to the requester), or "pre-approved". */
  reason: string | null;
  site: { id: string; name: string; url: string };
  app: { id: string; name: string; vendor: string };
  requester: { id: string; name: string; email: string };
  /**
   * Null while open, for a withdrawal, and for a request approved at once because its app was
   * already pre-approved; the admin when they pre-approved the app while the request was open.
   */
  decidedBy: { name: string; email: string } | null;
  /**
   * Whom the request reached when filed: the site's admins, only an operator-set route (its
   * addresses, which the requester is shown), or nobody; null for requests older than this record.
   */
  routing: { reached: 'admins' | 'fallback' | 'nobody'; pattern: string | null; addresses: string[] } | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

/** A select of access requests with everything the DTO needs; callers add where/order/limit. */
export function selectAccessRequests(db: Executor) {
  return db
    .select({
      id: accessRequests.id,
      status: accessRequests.status,
      message: accessRequests.message,
      messageLocale: accessRequests.messageLocale,
      consentClientId: accessRequests.consentClientId,
      consentScopes: accessRequests.consentScopes,
      consentRedirectUri: accessRequests.consentRedirectUri,
      appClientId: apps.clientId,
      reason: accessRequests.decisionReason,
      siteId: sites.id,
      siteName: sites.name,
      siteUrl: sites.url,
      appId: apps.id,
      appName: apps.name,
      appVendor: apps.vendor,
      requesterId: requester.id,
      requesterName: requester.name,
      requesterEmail: requester.email,
      deciderName: decider.name,
      deciderEmail: decider.email,
      reached: accessRequests.reached,
      routedPattern: accessRequests.routedPattern,
      routedAddresses: accessRequests.routedAddresses,
      createdAt: accessRequests.createdAt,
      updatedAt: accessRequests.updatedAt,
      decidedAt: accessRequests.decidedAt,
    })
    .from(accessRequests)
    .innerJoin(sites, eq(sites.id, accessRequests.siteId))
    .innerJoin(apps, eq(apps.id, accessRequests.appId))
    .innerJoin(requester, eq(requester.id, accessRequests.requesterId))
    .leftJoin(decider, eq(decider.id, accessRequests.decidedBy));
}

export type AccessRequestRow = Awaited<ReturnType<typeof selectAccessRequests>>[number];

export function toAccessRequestDto(row: AccessRequestRow): AccessRequestDto {
  return {
    id: row.id,
    status: row.status,
    message: row.message,
    messageLocale: row.messageLocale,
    consent: consentOf(row),
    reason: row.reason,
    site: { id: row.siteId, name: row.siteName, url: row.siteUrl },
    app: { id: row.appId, name: row.appName, vendor: row.appVendor },
    requester: { id: row.requesterId, name: row.requesterName, email: row.requesterEmail },
    decidedBy:
      row.deciderName !== null && row.deciderEmail !== null
        ? { name: row.deciderName, email: row.deciderEmail }
        : null,
    routing: row.reached
      ? { reached: row.reached, pattern: row.routedPattern, addresses: row.routedAddresses }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
  };
}

function consentOf(row: AccessRequestRow): RequestedConsent | null {
  if (!row.consentClientId || !row.consentRedirectUri) return null;
  let redirectHost = '';
  try {
    redirectHost = new URL(row.consentRedirectUri).host;
  } catch {
    // Stored only after it parsed (consent-url.ts); an unreadable one still shows its client id.
  }
  return {
    clientId: row.consentClientId,
    scopes: row.consentScopes ?? [],
    redirectUri: row.consentRedirectUri,
    redirectHost,
    appClientId: row.appClientId,
  };
}

/** Unscoped by viewer ("unsafe"): callers check policy on the result before returning it. */
export async function unsafeFindAccessRequest(db: Executor, id: string): Promise<AccessRequestDto | null> {
  const [row] = await selectAccessRequests(db).where(eq(accessRequests.id, id));
  return row ? toAccessRequestDto(row) : null;
}
