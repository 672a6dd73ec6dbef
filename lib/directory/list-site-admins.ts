import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { assertCanSeeSite } from '@/lib/auth/policy';
import { organizationAdmins, organizationConnections, siteMemberships, sites, users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { findSiteAccess } from './site-access';
import type { RoleSource } from '@/lib/auth/roles';
import type { Viewer } from '@/lib/auth/viewer';
import { freshRightSql, rightsCutoff } from './fresh-rights';

export interface SiteAdmin {
  id: string;
  name: string;
  email: string;
  /** Org admins administer every site of their organisation; an org admin is listed once, as such. */
  role: 'org-admin' | 'site-admin';
  /** Where the role came from (`self-confirmed`: a product admin who said they are a site admin). */
  roleSource: RoleSource;
}

/**
 * Everyone who can authorize apps on the site (authorizeStanding "can-authorize"): its site admins
 * and the admins of its organisation. Product and app admins are not among them: they are asked to
 * confirm first. Roles synced from Atlassian count only while fresh (fresh-rights.ts).
 * Unscoped ("unsafe"): for notification fan-out and for callers that already checked access.
 */
export async function unsafeListSiteAdmins(db: Executor, siteId: string): Promise<SiteAdmin[]> {
  const cutoff = rightsCutoff();
  const direct = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: sql<'site-admin'>`'site-admin'`,
      roleSource: siteMemberships.roleSource,
    })
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
        sql`not (${organizationConnections.organizationId} is not null and ${siteMemberships.roleSource} in ('product-permission', 'self-confirmed'))`,
      ),
    );
  const viaOrg = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: sql<'org-admin'>`'org-admin'`,
      roleSource: organizationAdmins.roleSource,
    })
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
  // The org role wins: it is the wider one, and it is what the person would call themselves.
  const byId = new Map<string, SiteAdmin>([...direct, ...viaOrg].map((admin) => [admin.id, admin]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}

/** An admin as any member of the site sees them: who to ask, and in which role. */
export type SiteAdminContact = Pick<SiteAdmin, 'name' | 'email' | 'role' | 'roleSource'>;

/** Who to ask: any member of the site may see its admins' names and e-mail addresses. */
export async function listAdminsOfSite(
  db: Executor,
  viewer: Viewer,
  siteId: string,
): Promise<SiteAdminContact[]> {
  assertCanSeeSite(await findSiteAccess(db, viewer, siteId));
  return (await unsafeListSiteAdmins(db, siteId)).map(({ name, email, role, roleSource }) => ({
    name,
    email,
    role,
    roleSource,
  }));
}
