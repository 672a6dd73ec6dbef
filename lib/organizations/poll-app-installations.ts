import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { AdminEvent } from '@/lib/atlassian/admin-schemas';
import { accessRequests, apps, organizationConnections, sites } from '@/lib/db/schema';
import type { Database, Executor, Transaction } from '@/lib/db/types';
import { withLease } from '@/lib/db/lease';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { unsafeApplyDecision } from '@/lib/requests/decide-access-requests';
import { unsafeAuthorizeApp } from '@/lib/requests/set-app-authorization';
import { lockSiteApp } from '@/lib/requests/site-app-lock';
import { installationFacts, isAppInstallation } from './app-install-events';
import { loadConnection, openApiKey, type ConnectionRow } from './connection-store';
import type { OrganizationDeps } from './deps';

// Authorization that closes itself: the connected organization's audit log says an app was
// installed on a site; Greenlight marks it authorized there and approves the open requests for it
// through the inbox's decision code (each requester notified once). Atlassian limits the events
// query to 10 requests a minute per path: one poll a minute reads at most MAX_PAGES_PER_POLL
// pages. Exactly once across replicas: one poller per organization (a lease row), the cursor
// saved in the transaction that acts on its page, and decisions that only ever close open requests.

/** Pages read per poll: with one poll a minute, at most 5 of the 10 allowed requests a minute. */
export const MAX_PAGES_PER_POLL = 5;
const LEASE_MS = 2 * 60_000;
/** Without an audit-log API (no Guard), ask again once a day: the plan may change. */
const UNAVAILABLE_RETRY_MS = 24 * 60 * 60_000;

export interface PollReport {
  events: number;
  installations: number;
  approvedRequestIds: string[];
}

export type PollOutcome =
  | { status: 'polled'; report: PollReport }
  | { status: 'not-due' | 'busy' | 'not-connected' | 'unavailable' }
  | { status: 'failed'; code: string };

/** One call with the newest possible start: does this key and plan have the audit-log API? */
export async function probeAuditLogApi(
  db: Database,
  organizationId: string,
  deps: OrganizationDeps,
): Promise<void> {
  const row = await loadConnection(db, organizationId);
  if (!row) return;
  let state: 'available' | 'unavailable' | undefined;
  try {
    await deps
      .adminApi(await openApiKey(db, row, deps))
      .getEventsPage(row.atlassianOrgId, { from: deps.now(), limit: 1 });
    state = 'available';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'org_api_forbidden') state = 'unavailable';
  }
  if (state) {
    await db
      .update(organizationConnections)
      .set({ auditLogApi: state })
      .where(eq(organizationConnections.organizationId, organizationId));
  }
}

interface Match {
  siteId: string;
  appId: string;
}

async function matchInstallation(tx: Executor, organizationId: string, event: AdminEvent): Promise<Match[]> {
  const facts = installationFacts(event);
  const orgSites = await tx
    .select({ id: sites.id, cloudId: sites.cloudId, url: sites.url })
    .from(sites)
    .where(eq(sites.organizationId, organizationId));
  const site = orgSites.find(
    (candidate) =>
      facts.siteIds.includes(candidate.cloudId) ||
      facts.siteHosts.includes(new URL(candidate.url).hostname.toLowerCase()),
  );
  if (!site) return [];
  const registry = await tx.select({ id: apps.id, name: apps.name, clientId: apps.clientId }).from(apps);
  // The client id where the event names one Greenlight knows; else the name. An event's app id is
  // often an Atlassian app ARI rather than the OAuth client id, so a known client id alone must not
  // stop a match by name.
  const byId = registry.filter((app) => app.clientId && facts.appIds.includes(app.clientId));
  const matched = byId.length
    ? byId
    : registry.filter((app) => facts.appNames.includes(app.name.toLowerCase()));
  return matched.map((app) => ({ siteId: site.id, appId: app.id }));
}

/** Authorizes the app and approves its open requests there, through the decision code. */
async function applyInstallation(tx: Transaction, match: Match, eventId: string): Promise<string[]> {
  await lockSiteApp(tx, match);
  const open = await tx
    .select({
      id: accessRequests.id,
      siteId: accessRequests.siteId,
      appId: accessRequests.appId,
      requesterId: accessRequests.requesterId,
    })
    .from(accessRequests)
    .where(
      and(
        eq(accessRequests.siteId, match.siteId),
        eq(accessRequests.appId, match.appId),
        eq(accessRequests.status, 'open'),
      ),
    )
    .for('update');
  if (open.length) {
    await unsafeApplyDecision(tx, open, {
      actorUserId: null,
      decision: 'approve',
      reason: `Installed on the site in Atlassian (audit log event ${eventId}).`,
      via: 'org-audit-log',
    });
    return open.map((request) => request.id);
  }
  await unsafeAuthorizeApp(tx, { ...match, actorUserId: null, via: 'org-audit-log' });
  return [];
}

async function pollUnderLease(
  db: Database,
  row: ConnectionRow,
  deps: OrganizationDeps,
): Promise<PollOutcome> {
  const api = deps.adminApi(await openApiKey(db, row, deps));
  const report: PollReport = { events: 0, installations: 0, approvedRequestIds: [] };
  let cursor = row.eventsCursor ?? undefined;
  let newest = row.eventsSince;
  for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
    let answer;
    try {
      answer = await api.getEventsPage(row.atlassianOrgId, cursor ? { cursor } : { from: row.eventsSince });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const retryAfter = Number(error.headers['Retry-After'] ?? 0);
      const unavailable = error.code === 'org_api_forbidden';
      await db
        .update(organizationConnections)
        .set({
          ...(unavailable ? { auditLogApi: 'unavailable' as const } : {}),
          eventsNextPollAt: unavailable
            ? new Date(deps.now().getTime() + UNAVAILABLE_RETRY_MS)
            : retryAfter > 0
              ? new Date(deps.now().getTime() + retryAfter * 1000)
              : null,
        })
        .where(eq(organizationConnections.organizationId, row.organizationId));
      logger.warn(
        { organizationId: row.organizationId, code: error.code },
        'organization events poll failed',
      );
      return unavailable ? { status: 'unavailable' } : { status: 'failed', code: error.code };
    }
    const { page: events, nextCursor } = answer;
    report.events += events.data.length;
    for (const event of events.data) {
      const time = new Date(event.attributes.time);
      if (!Number.isNaN(time.getTime()) && time > newest) newest = time;
    }
    // The page's decisions and the cursor past it commit together: a crash re-reads the page, and
    // re-reading decides nothing twice (only open requests are approved, authorizing is idempotent).
    await db.transaction(async (tx) => {
      for (const event of events.data) {
        if (!isAppInstallation(event.attributes.action)) continue;
        for (const match of await matchInstallation(tx, row.organizationId, event)) {
          report.installations += 1;
          report.approvedRequestIds.push(...(await applyInstallation(tx, match, event.id)));
        }
      }
      await tx
        .update(organizationConnections)
        .set({
          auditLogApi: 'available',
          eventsCursor: nextCursor ?? null,
          // Once the listing is read to the end, the next poll starts from the newest event seen
          // (inclusive: events of that instant are read again, harmlessly).
          ...(nextCursor ? {} : { eventsSince: newest }),
          eventsNextPollAt: null,
        })
        .where(eq(organizationConnections.organizationId, row.organizationId));
    });
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return { status: 'polled', report };
}

/** One poll of one organization's audit log, under its lease; `not-due` while a 429 or a missing API says wait. */
export async function pollAppInstallations(
  db: Database,
  organizationId: string,
  deps: OrganizationDeps,
): Promise<PollOutcome> {
  const row = await loadConnection(db, organizationId);
  if (!row) return { status: 'not-connected' };
  if (row.eventsNextPollAt && row.eventsNextPollAt > deps.now()) return { status: 'not-due' };
  const leased = await withLease(db, `org-events:${organizationId}`, deps.holder, LEASE_MS, async () => {
    // Re-read under the lease: another replica may have moved the cursor meanwhile.
    const current = await loadConnection(db, organizationId);
    return current ? pollUnderLease(db, current, deps) : ({ status: 'not-connected' } as const);
  });
  return leased.ran ? leased.result : { status: 'busy' };
}

/** Organizations whose poll or sync may be due (the jobs walk them). */
export async function listConnectedOrganizationIds(db: Executor): Promise<string[]> {
  const rows = await db.select({ id: organizationConnections.organizationId }).from(organizationConnections);
  return rows.map((row) => row.id);
}
