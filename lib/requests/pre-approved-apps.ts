import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { assertCanAdministerSite } from '@/lib/auth/policy';
import { apps, preApprovedApps, users } from '@/lib/db/schema';
import type { Database, Executor } from '@/lib/db/types';
import { findSiteAccess } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/directory/types';
import { recordAudit } from './record-audit';
import { assertAppExists } from './set-app-authorization';

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
export async function listPreApprovedApps(db: Executor, viewer: Viewer, siteId: string): Promise<PreApprovedAppDto[]> {
  assertCanAdministerSite(await findSiteAccess(db, viewer, siteId));
  const rows = await db
    .select({ appId: apps.id, appName: apps.name, vendor: apps.vendor, addedByName: users.name, addedAt: preApprovedApps.createdAt })
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

/**
 * Adds or removes a pre-approval (site admins only; idempotent; each actual change audited).
 * A pre-approved app is approved at once when someone asks for it (createAccessRequest); open
 * requests made before stay with the admins, who may have reasons to look at them.
 */
export async function setAppPreApproval(
  db: Database,
  viewer: Viewer,
  input: { siteId: string; appId: string; preApproved: boolean },
): Promise<{ siteId: string; appId: string; preApproved: boolean; changed: boolean }> {
  assertCanAdministerSite(await findSiteAccess(db, viewer, input.siteId));
  await assertAppExists(db, input.appId);
  return db.transaction(async (tx) => {
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
    return { ...input, changed };
  });
}
