import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { assertCanAdministerSite } from '@/lib/auth/policy';
import { accessRequests, apps, preApprovedApps, users } from '@/lib/db/schema';
import type { Database, Executor, Transaction } from '@/lib/db/types';
import { findSiteAccess } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/auth/viewer';
import { PRE_APPROVED_REASON } from './access-request-dto';
import { unsafeApplyDecision } from './decide-access-requests';
import { recordAudit } from '@/lib/db/audit-log';
import { assertAppExists } from './set-app-authorization';
import { lockSiteApp } from './site-app-lock';

export interface PreApprovedAppDto {
  app: { id: string; name: string; vendor: string };
  addedBy: { name: string } | null;
  addedAt: string;
}

/** Every app in Greenlight's registry (names only): the choices when pre-approving. Not secret. */
export async function listAppRegistry(db: Executor): Promise<{ id: string; name: string }[]> {
  return db.select({ id: apps.id, name: apps.name }).from(apps).orderBy(asc(apps.name));
}

/** A site's pre-approved apps: site admins only (members 403, everyone else 404). */
export async function listPreApprovedApps(
  db: Executor,
  viewer: Viewer,
  siteId: string,
): Promise<PreApprovedAppDto[]> {
  assertCanAdministerSite(await findSiteAccess(db, viewer, siteId));
  const rows = await db
    .select({
      appId: apps.id,
      appName: apps.name,
      vendor: apps.vendor,
      addedByName: users.name,
      addedAt: preApprovedApps.createdAt,
    })
    .from(preApprovedApps)
    .innerJoin(apps, eq(apps.id, preApprovedApps.appId))
    .leftJoin(users, eq(users.id, preApprovedApps.addedBy))
    .where(eq(preApprovedApps.siteId, siteId))
    .orderBy(asc(apps.name));
  return rows.map((row) => ({
    app: { id: row.appId, name: row.appName, vendor: row.vendor },
    addedBy: row.addedByName ? { name: row.addedByName } : null,
    addedAt: row.addedAt.toISOString(),
  }));
}

export interface PreApprovalDto {
  siteId: string;
  appId: string;
  preApproved: boolean;
  /** False when the app already was (or was not) on the list. */
  changed: boolean;
  /** Open requests for the app on the site that this call approved (always 0 on removal). */
  approvedRequests: number;
}

/**
 * Adds or removes a pre-approval (site admins only; idempotent; each actual change audited).
 * A pre-approved app is approved at once when someone asks for it (createAccessRequest), and
 * adding it approves the requests for it already open on the site, as if the admin approved each:
 * so a pre-approved app never has a request waiting.
 */
export async function setAppPreApproval(
  db: Database,
  viewer: Viewer,
  input: { siteId: string; appId: string; preApproved: boolean },
): Promise<PreApprovalDto> {
  assertCanAdministerSite(await findSiteAccess(db, viewer, input.siteId));
  await assertAppExists(db, input.appId);
  return db.transaction(async (tx) => {
    await lockSiteApp(tx, input);
    const onSite = and(eq(preApprovedApps.siteId, input.siteId), eq(preApprovedApps.appId, input.appId));
    const changedRows = input.preApproved
      ? await tx
          .insert(preApprovedApps)
          .values({ siteId: input.siteId, appId: input.appId, addedBy: viewer.userId })
          .onConflictDoNothing()
          .returning({ appId: preApprovedApps.appId })
      : await tx.delete(preApprovedApps).where(onSite).returning({ appId: preApprovedApps.appId });
    const changed = changedRows.length > 0;
    if (changed) {
      await recordAudit(tx, {
        actorUserId: viewer.userId,
        action: input.preApproved ? 'app.pre_approved' : 'app.pre_approval_removed',
        siteId: input.siteId,
        target: input.appId,
      });
    }
    // Also when the app was already listed: a request left open from before is approved now.
    const approvedRequests = input.preApproved ? await approveOpenRequests(tx, viewer.userId, input) : 0;
    return { ...input, changed, approvedRequests };
  });
}

/** Approves every open request for the app on the site, through the same decision as the inbox. */
async function approveOpenRequests(
  tx: Transaction,
  actorUserId: string,
  input: { siteId: string; appId: string },
): Promise<number> {
  // Locked so a concurrent withdrawal or decision goes first or waits; rows it closed drop out.
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
        eq(accessRequests.siteId, input.siteId),
        eq(accessRequests.appId, input.appId),
        eq(accessRequests.status, 'open'),
      ),
    )
    .orderBy(asc(accessRequests.createdAt), asc(accessRequests.id))
    .for('update');
  if (!open.length) return 0;
  await unsafeApplyDecision(tx, open, {
    actorUserId,
    decision: 'approve',
    reason: PRE_APPROVED_REASON,
    via: 'pre-approval',
  });
  return open.length;
}
