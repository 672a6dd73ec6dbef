import 'server-only';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ACCESS_REQUEST_STATUSES, accessRequests, apps, sites, users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';

export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/** The reason stored on a request approved because its app is pre-approved on the site. */
export const PRE_APPROVED_REASON = 'pre-approved';

/** An access request as the API returns it. */
export interface AccessRequestDto {
  id: string;
  status: AccessRequestStatus;
  message: string | null;
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

/** Unscoped by viewer ("unsafe"): callers check policy on the result before returning it. */
export async function unsafeFindAccessRequest(db: Executor, id: string): Promise<AccessRequestDto | null> {
  const [row] = await selectAccessRequests(db).where(eq(accessRequests.id, id));
  return row ? toAccessRequestDto(row) : null;
}
