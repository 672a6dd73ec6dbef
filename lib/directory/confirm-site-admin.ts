import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { assertCanConfirmSiteAdmin } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/db/audit-log';
import { siteMemberships } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { logger } from '@/lib/log';
import type { Viewer } from '@/lib/auth/viewer';
import { findSiteAccess } from './site-access';
import type { DirectorySite } from './types';

/**
 * A product or app admin says they are a site or org admin of the site (the troubleshooter asks,
 * because 3LO cannot tell: facts §3.3). Stored as `site-admin` from `self-confirmed`, so the
 * console, the admins list and notifications follow their word; the Atlassian sync keeps it while
 * Atlassian still reports the product admin permission (sync.ts). A site admin confirming again
 * is a no-op; anyone else may not (policy.ts).
 */
export async function confirmSiteAdmin(
  db: Database,
  viewer: Viewer,
  siteId: string,
): Promise<Pick<DirectorySite, 'id' | 'role'>> {
  const access = await findSiteAccess(db, viewer, siteId);
  if (access?.role === 'site-admin') return { id: access.siteId, role: access.role };
  assertCanConfirmSiteAdmin(access);
  await db.transaction(async (tx) => {
    await tx
      .update(siteMemberships)
      .set({ role: 'site-admin', roleSource: 'self-confirmed', updatedAt: sql`now()` })
      .where(and(eq(siteMemberships.siteId, access.siteId), eq(siteMemberships.userId, viewer.userId)));
    // Atlassian has not said so (3LO cannot tell): the site's other admins see who took the role.
    await recordAudit(tx, {
      actorUserId: viewer.userId,
      action: 'site_admin.self_confirmed',
      siteId: access.siteId,
      target: viewer.userId,
      details: { was: access.role },
    });
  });
  logger.info(
    { siteId: access.siteId, userId: viewer.userId, was: access.role },
    'site admin self-confirmed',
  );
  return { id: access.siteId, role: 'site-admin' };
}
