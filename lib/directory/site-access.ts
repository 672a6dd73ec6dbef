import 'server-only';
import { authorizeStanding } from '@/lib/auth/roles';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { SiteAccess } from '@/lib/auth/policy';
import { organizationAdmins, organizationConnections, siteMemberships, sites } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import type { SiteRole, Viewer } from '@/lib/auth/viewer';
import { isFreshRight, rightsCutoff } from './fresh-rights';
import type { DirectorySite } from './types';

/**
 * The viewer's sites with their effective role, read from the database (the local directory, or
 * what the last Atlassian sync stored). An org admin is site admin on every site of the org.
 */
function sitesOfViewerQuery(db: Executor, viewer: Viewer) {
  return db
    .select({
      id: sites.id,
      cloudId: sites.cloudId,
      name: sites.name,
      url: sites.url,
      products: sites.products,
      memberRole: siteMemberships.role,
      memberRoleSource: siteMemberships.roleSource,
      memberSyncedAt: siteMemberships.updatedAt,
      orgAdmin: sql<boolean>`${organizationAdmins.userId} is not null`,
      orgAdminSource: organizationAdmins.roleSource,
      orgAdminSyncedAt: organizationAdmins.syncedAt,
      orgConnected: sql<boolean>`${organizationConnections.organizationId} is not null`,
    })
    .from(sites)
    .leftJoin(
      siteMemberships,
      and(eq(siteMemberships.siteId, sites.id), eq(siteMemberships.userId, viewer.userId)),
    )
    .leftJoin(organizationConnections, eq(organizationConnections.organizationId, sites.organizationId))
    .leftJoin(
      organizationAdmins,
      and(
        eq(organizationAdmins.organizationId, sites.organizationId),
        eq(organizationAdmins.userId, viewer.userId),
      ),
    );
}

const visibleToViewer = or(
  sql`${siteMemberships.userId} is not null`,
  sql`${organizationAdmins.userId} is not null`,
);

type SiteRow = Awaited<ReturnType<typeof sitesOfViewerQuery>>[number];

/**
 * An org admin is site admin everywhere in the org. A role synced from Atlassian counts only while
 * fresh (fresh-rights.ts); a stale one leaves a member (or org admin) with the rights of a user.
 */
function effectiveRole(row: SiteRow, cutoff: Date): SiteRole {
  if (
    row.orgAdmin &&
    row.orgAdminSource &&
    row.orgAdminSyncedAt &&
    isFreshRight(row.orgAdminSource, row.orgAdminSyncedAt, cutoff)
  )
    return 'site-admin';
  if (!row.memberRole || !row.memberRoleSource || !row.memberSyncedAt) return 'user';
  if (!isFreshRight(row.memberRoleSource, row.memberSyncedAt, cutoff)) return 'user';
  // On a connected organization's sites the role assignments decide: a product admin's own word
  // that they are a site admin (self-confirmed) counts for nothing there.
  if (row.orgConnected && row.memberRoleSource === 'self-confirmed') return 'product-admin';
  return row.memberRole;
}

function toDirectorySite(row: SiteRow, cutoff = rightsCutoff()): DirectorySite {
  return {
    id: row.id,
    cloudId: row.cloudId,
    name: row.name,
    url: row.url,
    products: row.products as DirectorySite['products'],
    role: effectiveRole(row, cutoff),
  };
}

export async function listSitesOfViewer(db: Executor, viewer: Viewer): Promise<DirectorySite[]> {
  const rows = await sitesOfViewerQuery(db, viewer).where(visibleToViewer).orderBy(asc(sites.name));
  const cutoff = rightsCutoff();
  return rows.map((row) => toDirectorySite(row, cutoff));
}

/** The site as the viewer sees it, or null when they may not see it (or it does not exist). */
export async function findSiteOfViewer(
  db: Executor,
  viewer: Viewer,
  siteId: string,
): Promise<DirectorySite | null> {
  const [row] = await sitesOfViewerQuery(db, viewer).where(and(eq(sites.id, siteId), visibleToViewer));
  return row ? toDirectorySite(row) : null;
}

export async function findSiteAccess(db: Executor, viewer: Viewer, siteId: string): Promise<SiteAccess> {
  const site = await findSiteOfViewer(db, viewer, siteId);
  return site ? { siteId: site.id, role: site.role } : null;
}

/** Ids of the sites the viewer administers (to scope admin queries). */
export async function listAdministeredSiteIds(db: Executor, viewer: Viewer): Promise<string[]> {
  return (await listSitesOfViewer(db, viewer))
    .filter((site) => site.role === 'site-admin')
    .map((site) => site.id);
}

/**
 * Sites where the viewer is an admin or may be one: site admins, and the Jira or Confluence (app or
 * product) admins Greenlight has not yet asked. Only for the organization page, where the
 * organization API key proves the rest (only an org admin can create one).
 */
export async function listSitesWithAdminStanding(db: Executor, viewer: Viewer): Promise<string[]> {
  return (await listSitesOfViewer(db, viewer))
    .filter((site) => authorizeStanding(site.role) !== 'cannot-authorize')
    .map((site) => site.id);
}
