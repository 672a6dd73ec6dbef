import 'server-only';
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { assertCanSeeSite, canAdministerSite } from '@/lib/auth/policy';
import { accessRequests, apps, preApprovedApps, siteAppStatus, users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { findSiteOfViewer } from './site-access';
import type { Viewer } from '@/lib/auth/viewer';
import type { DirectorySite } from './types';

export interface OwnRequestSummary {
  id: string;
  status: 'open' | 'approved' | 'denied' | 'withdrawn' | 'expired';
  message: string | null;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface SiteApp {
  id: string;
  name: string;
  vendor: string;
  description: string;
  scopes: string[];
  /** The app's OAuth client id when Greenlight has it on record (public: consent URLs carry it). */
  clientId: string | null;
  status: 'authorized' | 'not-authorized';
  /** A member's request for it is approved at once. */
  preApproved: boolean;
  /** The viewer's own open request for the app here, else their latest one. */
  request?: OwnRequestSummary;
}

export interface SiteApps {
  site: DirectorySite;
  apps: SiteApp[];
}

/**
 * Every app in Greenlight's registry with its state on the site. Atlassian has no API for a
 * site's connected apps, so this is Greenlight's own record in both modes.
 */
export async function listAppsOnSite(db: Executor, viewer: Viewer, siteId: string): Promise<SiteApps> {
  const site = await findSiteOfViewer(db, viewer, siteId);
  assertCanSeeSite(site ? { siteId: site.id, role: site.role } : null);

  const rows = await db
    .select({
      id: apps.id,
      name: apps.name,
      vendor: apps.vendor,
      description: apps.description,
      scopes: apps.scopes,
      clientId: apps.clientId,
      status: siteAppStatus.status,
      preApprovedSite: preApprovedApps.siteId,
    })
    .from(apps)
    .leftJoin(siteAppStatus, and(eq(siteAppStatus.appId, apps.id), eq(siteAppStatus.siteId, siteId)))
    .leftJoin(preApprovedApps, and(eq(preApprovedApps.appId, apps.id), eq(preApprovedApps.siteId, siteId)))
    .orderBy(asc(apps.name));

  const ownRequests = await db
    .select({
      id: accessRequests.id,
      appId: accessRequests.appId,
      status: accessRequests.status,
      message: accessRequests.message,
      reason: accessRequests.decisionReason,
      createdAt: accessRequests.createdAt,
      decidedAt: accessRequests.decidedAt,
    })
    .from(accessRequests)
    .where(and(eq(accessRequests.siteId, siteId), eq(accessRequests.requesterId, viewer.userId)))
    .orderBy(desc(accessRequests.createdAt));
  const requestByApp = new Map<string, (typeof ownRequests)[number]>();
  for (const request of ownRequests) {
    const current = requestByApp.get(request.appId);
    if (!current || (request.status === 'open' && current.status !== 'open'))
      requestByApp.set(request.appId, request);
  }

  return {
    site: site!,
    apps: rows.map((row) => {
      const request = requestByApp.get(row.id);
      return {
        id: row.id,
        name: row.name,
        vendor: row.vendor,
        description: row.description,
        scopes: row.scopes,
        clientId: row.clientId,
        status: row.status ?? 'not-authorized',
        preApproved: row.preApprovedSite !== null,
        ...(request
          ? {
              request: {
                id: request.id,
                status: request.status,
                message: request.message,
                reason: request.reason,
                createdAt: request.createdAt.toISOString(),
                decidedAt: request.decidedAt ? request.decidedAt.toISOString() : null,
              },
            }
          : {}),
      };
    }),
  };
}

/** What a requester's consent page said about the app (see lib/flows/consent-url.ts). */
export interface RequestedConsentOnSite {
  requesterName: string;
  clientId: string;
  scopes: string[];
  redirectUri: string;
  redirectHost: string;
  appClientId: string | null;
}

/**
 * For the site's admins: the consent page of the latest open request for the app that carries one,
 * so the admin branch of the troubleshooter shows exactly which app and scopes were asked for.
 * Null for anyone who does not administer the site, and when no open request has a consent page.
 */
export async function findRequestedConsent(
  db: Executor,
  viewer: Viewer,
  siteId: string,
  appId: string,
): Promise<RequestedConsentOnSite | null> {
  const site = await findSiteOfViewer(db, viewer, siteId);
  if (!canAdministerSite(site ? { siteId: site.id, role: site.role } : null)) return null;
  const [row] = await db
    .select({
      requesterName: users.name,
      clientId: accessRequests.consentClientId,
      scopes: accessRequests.consentScopes,
      redirectUri: accessRequests.consentRedirectUri,
      appClientId: apps.clientId,
    })
    .from(accessRequests)
    .innerJoin(users, eq(users.id, accessRequests.requesterId))
    .innerJoin(apps, eq(apps.id, accessRequests.appId))
    .where(
      and(
        eq(accessRequests.siteId, siteId),
        eq(accessRequests.appId, appId),
        eq(accessRequests.status, 'open'),
        isNotNull(accessRequests.consentClientId),
      ),
    )
    .orderBy(desc(accessRequests.createdAt))
    .limit(1);
  if (!row?.clientId || !row.redirectUri) return null;
  let redirectHost = '';
  try {
    redirectHost = new URL(row.redirectUri).host;
  } catch {
    // Stored only after it parsed; an unreadable one still shows its client id.
  }
  return {
    requesterName: row.requesterName,
    clientId: row.clientId,
    scopes: row.scopes ?? [],
    redirectUri: row.redirectUri,
    redirectHost,
    appClientId: row.appClientId,
  };
}
