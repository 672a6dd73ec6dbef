import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { assertCanAdministerSite } from '@/lib/auth/policy';
import { accessRequests, apps, siteAppStatus } from '@/lib/db/schema';
import type { Database, Executor } from '@/lib/db/types';
import { findSiteAccess } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/auth/viewer';
import { notFound } from '@/lib/errors';
import { PRE_APPROVED_REASON } from './access-request-dto';
import { queueNotifications } from './queue-notifications';
import { recordAudit } from '@/lib/db/audit-log';
import { lockSiteApp } from './site-app-lock';

export type AppStatus = 'authorized' | 'not-authorized';

export interface AppAuthorizationDto {
  siteId: string;
  appId: string;
  status: AppStatus;
  /** False when the app was already in that state (the call is idempotent). */
  changed: boolean;
  /** Open requests for the app on the site that this authorization approved. */
  approvedRequestIds: string[];
}

export async function assertAppExists(db: Executor, appId: string): Promise<{ id: string; name: string }> {
  const [app] = await db.select({ id: apps.id, name: apps.name }).from(apps).where(eq(apps.id, appId));
  if (!app) throw notFound('App not found.');
  return app;
}

/**
 * Marks the app authorized on the site (inside the caller's transaction) and approves every open
 * request for it there, telling each requester. Returns whether the state changed.
 * Unscoped: callers decide who may do this before calling.
 */
export async function unsafeAuthorizeApp(
  tx: Executor,
  input: {
    siteId: string;
    appId: string;
    actorUserId: string | null;
    /** `org-audit-log`: the connected organization's audit log reported the app installed on the site. */
    via: 'admin' | 'decision' | 'pre-approval' | 'org-audit-log';
    requestId?: string;
  },
): Promise<{ changed: boolean; approvedRequestIds: string[] }> {
  // One atomic statement decides whether this call changed anything, so two admins clicking at
  // once produce one audit row, not two.
  const written = await tx
    .insert(siteAppStatus)
    .values({ siteId: input.siteId, appId: input.appId, status: 'authorized', changedBy: input.actorUserId })
    .onConflictDoUpdate({
      target: [siteAppStatus.siteId, siteAppStatus.appId],
      set: { status: 'authorized', changedBy: input.actorUserId, changedAt: sql`now()` },
      setWhere: sql`${siteAppStatus.status} <> 'authorized'`,
    })
    .returning({ siteId: siteAppStatus.siteId });
  const changed = written.length > 0;
  if (changed) {
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'app.authorized',
      siteId: input.siteId,
      target: input.appId,
      details: { via: input.via, ...(input.requestId ? { requestId: input.requestId } : {}) },
    });
  }
  const approved = await tx
    .update(accessRequests)
    .set({
      status: 'approved',
      decidedBy: input.actorUserId,
      decidedAt: sql`now()`,
      updatedAt: sql`now()`,
      decisionReason: input.via === 'pre-approval' ? PRE_APPROVED_REASON : null,
    })
    .where(
      and(
        eq(accessRequests.siteId, input.siteId),
        eq(accessRequests.appId, input.appId),
        eq(accessRequests.status, 'open'),
      ),
    )
    .returning({ id: accessRequests.id, requesterId: accessRequests.requesterId });
  for (const request of approved) {
    await queueNotifications(tx, 'access_request.approved', [request.requesterId], {
      requestId: request.id,
      siteId: input.siteId,
      appId: input.appId,
    });
  }
  return { changed, approvedRequestIds: approved.map((request) => request.id) };
}

/** PUT/DELETE .../authorization: site admins only; idempotent; every change audited. */
export async function setAppAuthorization(
  db: Database,
  viewer: Viewer,
  input: { siteId: string; appId: string; status: AppStatus },
): Promise<AppAuthorizationDto> {
  assertCanAdministerSite(await findSiteAccess(db, viewer, input.siteId));
  await assertAppExists(db, input.appId);
  return db.transaction(async (tx) => {
    // So that a request filed meanwhile is either approved here or refused as already authorized.
    await lockSiteApp(tx, input);
    if (input.status === 'authorized') {
      const result = await unsafeAuthorizeApp(tx, { ...input, actorUserId: viewer.userId, via: 'admin' });
      return { ...input, ...result };
    }
    const written = await tx
      .update(siteAppStatus)
      .set({ status: 'not-authorized', changedBy: viewer.userId, changedAt: sql`now()` })
      .where(
        and(
          eq(siteAppStatus.siteId, input.siteId),
          eq(siteAppStatus.appId, input.appId),
          eq(siteAppStatus.status, 'authorized'),
        ),
      )
      .returning({ siteId: siteAppStatus.siteId });
    const changed = written.length > 0;
    if (changed) {
      await recordAudit(tx, {
        actorUserId: viewer.userId,
        action: 'app.deauthorized',
        siteId: input.siteId,
        target: input.appId,
      });
    }
    return { ...input, changed, approvedRequestIds: [] };
  });
}
