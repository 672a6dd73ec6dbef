import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { canDecideRequest, canSeeRequest, type SiteAccess } from '@/lib/auth/policy';
import { accessRequests } from '@/lib/db/schema';
import type { Database, Executor } from '@/lib/db/types';
import { findSiteAccess } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/auth/viewer';
import { conflict, forbidden, notFound } from '@/lib/errors';
import {
  isAccessRequestId,
  type DecideAccessRequestInput,
  type DecideAccessRequestsInput,
} from './access-request-input';
import { selectAccessRequests, toAccessRequestDto, type AccessRequestDto } from './access-request-dto';
import { queueNotifications } from './queue-notifications';
import { recordAudit } from '@/lib/db/audit-log';
import { unsafeAuthorizeApp } from './set-app-authorization';
import { lockSiteApps } from './site-app-lock';

/**
 * A site admin approves or denies one or more open requests in ONE transaction: either every
 * request is decided or none is. One id the viewer may not see → 404, one on a site they do not
 * administer → 403, one that is no longer open → 409; in each case nothing changes.
 * Approving authorizes the app on the site (and so approves other open requests for it there).
 */
export async function decideAccessRequests(
  db: Database,
  viewer: Viewer,
  input: DecideAccessRequestsInput,
): Promise<AccessRequestDto[]> {
  const ids = [...new Set(input.ids)];
  if (!ids.every(isAccessRequestId)) throw notFound('Access request not found.');

  return db.transaction(async (tx) => {
    // Who may decide what is settled before anything is locked: a caller naming requests they may
    // not decide must not hold (or wait for) locks on another organisation's rows. A request's site
    // and app never change, so this unlocked read decides access; only its status is re-read locked.
    const requested = await tx
      .select({
        id: accessRequests.id,
        siteId: accessRequests.siteId,
        appId: accessRequests.appId,
        requesterId: accessRequests.requesterId,
      })
      .from(accessRequests)
      .where(inArray(accessRequests.id, ids));
    if (requested.length !== ids.length) throw notFound('Access request not found.');
    const accessBySite = await loadSiteAccess(
      tx,
      viewer,
      requested.map((row) => row.siteId),
    );
    // Visibility is checked for all before "may act" so a mixed selection never reveals more than 404.
    for (const row of requested) {
      if (!canSeeRequest(viewer, row, accessBySite.get(row.siteId) ?? null))
        throw notFound('Access request not found.');
    }
    for (const row of requested) {
      if (!canDecideRequest(accessBySite.get(row.siteId) ?? null)) {
        throw forbidden('Only a site admin of this site can decide this request.', 'not_site_admin');
      }
    }

    // An approval authorizes the app: it must not interleave with a request being filed for the
    // same app (lockSiteApp). Those locks come before the row locks, as in every other writer.
    if (input.decision === 'approve') {
      await lockSiteApps(tx, requested);
    }
    // Locked: a concurrent decision or withdrawal waits, and then finds the rows closed.
    const rows = await tx
      .select({
        id: accessRequests.id,
        siteId: accessRequests.siteId,
        appId: accessRequests.appId,
        requesterId: accessRequests.requesterId,
        status: accessRequests.status,
      })
      .from(accessRequests)
      .where(inArray(accessRequests.id, ids))
      .for('update');
    // Deleted meanwhile (its site, app or requester removed): nothing to decide.
    if (rows.length !== ids.length) throw notFound('Access request not found.');
    const closed = rows.find((row) => row.status !== 'open');
    if (closed) {
      throw conflict(
        ids.length === 1
          ? `This request is already ${closed.status}.`
          : `A selected request is already ${closed.status}; nothing was decided.`,
        'request_not_open',
      );
    }

    await unsafeApplyDecision(tx, rows, {
      actorUserId: viewer.userId,
      decision: input.decision,
      reason: input.reason,
      via: 'decision',
    });

    const result = await selectAccessRequests(tx).where(inArray(accessRequests.id, ids));
    const byId = new Map(result.map((row) => [row.id, toAccessRequestDto(row)]));
    return ids.map((id) => byId.get(id)!);
  });
}

/**
 * A site admin approves or denies one open request: the bulk decision with a single id, so one
 * and many follow the same rules (404 unseen, 403 not an admin there, 409 no longer open).
 */
export async function decideOneAccessRequest(
  db: Database,
  viewer: Viewer,
  requestId: string,
  input: DecideAccessRequestInput,
): Promise<AccessRequestDto> {
  const [request] = await decideAccessRequests(db, viewer, { ids: [requestId], ...input });
  return request!;
}

/** An open request, locked FOR UPDATE by the caller. */
export interface LockedOpenRequest {
  id: string;
  siteId: string;
  appId: string;
  requesterId: string;
}

export interface Decision {
  /** Null when Greenlight decides on Atlassian's word (the organization's audit log). */
  actorUserId: string | null;
  decision: 'approve' | 'deny';
  /** Shown to the requester; PRE_APPROVED_REASON when the app's pre-approval decided it. */
  reason?: string | undefined;
  /**
   * What led to the decision: the admin deciding the request, the admin pre-approving its app, or
   * the organization's audit log reporting the app installed on the site.
   */
  via: 'decision' | 'pre-approval' | 'org-audit-log';
}

/**
 * Decides requests the caller has locked and checked (open, the actor may decide them), inside the
 * caller's transaction: the new status, one audit row each, the app authorized on approval, each
 * requester notified. 409 when one of them is no longer open, so the caller's transaction rolls back.
 * Unscoped: callers decide who may do this before calling.
 */
export async function unsafeApplyDecision(
  tx: Executor,
  rows: LockedOpenRequest[],
  decision: Decision,
): Promise<void> {
  const ids = rows.map((row) => row.id);
  const { actorUserId, reason, via } = decision;
  const status = decision.decision === 'approve' ? 'approved' : 'denied';
  const decided = await tx
    .update(accessRequests)
    .set({
      status,
      decidedBy: actorUserId,
      decisionReason: reason ?? null,
      decidedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(inArray(accessRequests.id, ids), eq(accessRequests.status, 'open')))
    .returning({ id: accessRequests.id });
  if (decided.length !== ids.length)
    throw conflict('A selected request changed meanwhile; nothing was decided.', 'request_not_open');

  for (const row of rows) {
    await recordAudit(tx, {
      actorUserId,
      action: status === 'approved' ? 'access_request.approved' : 'access_request.denied',
      siteId: row.siteId,
      target: row.id,
      details: { appId: row.appId, requesterId: row.requesterId, via, ...(reason ? { reason } : {}) },
    });
  }
  if (status === 'approved') {
    const authorized = new Set<string>();
    for (const row of rows) {
      const key = `${row.siteId}\u0000${row.appId}`;
      if (authorized.has(key)) continue;
      authorized.add(key);
      await unsafeAuthorizeApp(tx, {
        siteId: row.siteId,
        appId: row.appId,
        actorUserId,
        via,
        requestId: row.id,
      });
    }
  }
  for (const row of rows) {
    await queueNotifications(
      tx,
      status === 'approved' ? 'access_request.approved' : 'access_request.denied',
      [row.requesterId],
      {
        requestId: row.id,
        siteId: row.siteId,
        appId: row.appId,
        ...(reason ? { reason } : {}),
      },
    );
  }
}

async function loadSiteAccess(
  db: Executor,
  viewer: Viewer,
  siteIds: string[],
): Promise<Map<string, SiteAccess>> {
  const accessBySite = new Map<string, SiteAccess>();
  for (const siteId of new Set(siteIds)) accessBySite.set(siteId, await findSiteAccess(db, viewer, siteId));
  return accessBySite;
}
