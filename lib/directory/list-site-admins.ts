import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { assertCanSeeSite } from '@/lib/auth/policy';
import { organizationAdmins, organizationConnections, siteMemberships, sites, users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { findSiteAccess } from './site-access';
import type { Viewer } from '@/lib/auth/viewer';
import { freshRightSql, rightsCutoff } from './fresh-rights';

export interface SiteAdmin {
  id: string;
  name: string;
  email: string;
  /** Why they administer the site: org admin of its organisation, or site admin. */
  role: 'org-admin' | 'site-admin';
}

/**
 * Everyone who administers the site: its site admins and the admins of its organisation, counting
 * roles synced from Atlassian only while fresh (fresh-rights.ts).
 * Unscoped ("unsafe"): for notification fan-out and for callers that already checked access.
 */
export async function unsafeListSiteAdmins(db: Executor, siteId: string): Promise<SiteAdmin[]> {
  const cutoff = rightsCutoff();
  const direct = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(siteMemberships)
    .innerJoin(users, eq(users.id, siteMemberships.userId))
    .innerJoin(sites, eq(sites.id, siteMemberships.siteId))
    .leftJoin(organizationConnections, eq(organizationConnections.organizationId, sites.organizationId))
    .where(
      and(
        eq(siteMemberships.siteId, siteId),
        eq(siteMemberships.role, 'site-admin'),
        freshRightSql(siteMemberships.roleSource, siteMemberships.updatedAt, cutoff),
        // A connected organization's role assignments replace the 3LO approximation there.
        sql`not (${organizationConnections.organizationId} is not null and ${siteMemberships.roleSource} = 'product-permission')`,
      ),
    );
  const viaOrg = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(sites)
    .innerJoin(organizationAdmins, eq(organizationAdmins.organizationId, sites.organizationId))
    .innerJoin(users, eq(users.id, organizationAdmins.userId))
    .where(
      and(
        eq(sites.id, siteId),
        freshRightSql(organizationAdmins.roleSource, organizationAdmins.syncedAt, cutoff),
      ),
    )
    .orderBy(asc(users.name));
  // An org admin who is also a site admin is shown as org admin (the wider role).
  const byId = new Map<string, SiteAdmin>([
    ...direct.map((admin) => [admin.id, { ...admin, role: 'site-admin' as const }] as const),
    ...viaOrg.map((admin) => [admin.id, { ...admin, role: 'org-admin' as const }] as const),
  ]);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}

/** An admin as any member of the site sees them: who to ask. */
export type SiteAdminContact = Pick<SiteAdmin, 'name' | 'email' | 'role'>;

/** Who to ask: any member of the site may see its admins' names and e-mail addresses. */
export async function listAdminsOfSite(
  db: Executor,
  viewer: Viewer,
  siteId: string,
): Promise<SiteAdminContact[]> {
  assertCanSeeSite(await findSiteAccess(db, viewer, siteId));
  return (await unsafeListSiteAdmins(db, siteId)).map(({ name, email, role }) => ({ name, email, role }));
}
