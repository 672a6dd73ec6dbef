import 'server-only';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { ADMIN_ROLE_IDS, type AtlassianAdminApi } from '@/lib/atlassian/admin-api';
import { siteIdForCloudId } from '@/lib/atlassian/accessible-resources';
import {
  organizationAdmins,
  organizationConnections,
  organizations,
  siteMemberships,
  sites,
  users,
} from '@/lib/db/schema';
import type { Database, Executor } from '@/lib/db/types';
import { withLease } from '@/lib/db/lease';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { getConfig } from '@/lib/config';
import { loadConnection, openApiKey, type ConnectionRow } from './connection-store';
import type { OrganizationDeps } from './deps';
import { rolesFromAssignments, sitesFromWorkspaces, type OrgSite } from './org-roles';
import type { SiteRole } from '@/lib/auth/roles';

// Who administers the sites of a connected organization, from its role assignments: workspaces
// (the org's sites), the people holding an admin role, and each one's assignments. Stored with
// role_source `admin-api`, replacing what 3LO approximated for those sites; rights removed
// upstream are removed here. One sync per organization at a time across replicas (a lease row).

/** Roles worth a role-assignment lookup: everyone else is a plain member to Greenlight. */
const ADMIN_ROLES = [
  ADMIN_ROLE_IDS.orgAdmin,
  ADMIN_ROLE_IDS.siteAdmin,
  ADMIN_ROLE_IDS.userAccessAdmin,
  ADMIN_ROLE_IDS.appAdmin,
] as const;

/** Long enough for a slow sync of a large org; a crashed holder frees it after this. */
const LEASE_MS = 5 * 60_000;

/** How often roles are synced: a third of the TTL, so one failed sync never lets rights age out. */
export function rolesSyncIntervalMs(): number {
  return Math.max(60_000, Math.floor((getConfig().ADMIN_RIGHTS_TTL_MINUTES * 60_000) / 3));
}

export interface RolesSyncReport {
  sites: number;
  orgAdmins: number;
  siteRoles: number;
}

export type RolesSyncOutcome =
  | { status: 'synced'; report: RolesSyncReport }
  | { status: 'not-due' | 'busy' | 'not-connected' }
  | { status: 'failed'; code: string; message: string };

interface Fetched {
  orgName: string;
  sites: OrgSite[];
  people: {
    accountId: string;
    name: string;
    email: string;
    orgAdmin: boolean;
    siteRoles: Map<string, SiteRole>;
  }[];
}

async function fetchOrganization(api: AtlassianAdminApi, row: ConnectionRow, db: Executor): Promise<Fetched> {
  const org = await api.getOrg(row.atlassianOrgId);
  const known = await db.select({ url: sites.url, cloudId: sites.cloudId }).from(sites);
  const orgSites = sitesFromWorkspaces(
    await api.listWorkspaces(row.atlassianOrgId),
    new Map(known.map((site) => [new URL(site.url).origin, site.cloudId])),
  );
  const cloudIds = new Set(orgSites.map((site) => site.cloudId));
  const admins = await api.listUsersWithRoles(row.atlassianOrgId, ADMIN_ROLES);
  const people: Fetched['people'] = [];
  // One at a time: the admin API's rate limit is per key, and a few hundred admins is the far end.
  for (const admin of admins) {
    const roles = rolesFromAssignments(
      await api.listRoleAssignments(row.atlassianOrgId, admin.accountId),
      cloudIds,
    );
    if (!roles.orgAdmin && roles.siteRoles.size === 0) continue;
    people.push({
      accountId: admin.accountId,
      name: admin.name ?? admin.nickname ?? admin.accountId,
      email: admin.email ?? '',
      ...roles,
    });
  }
  return { orgName: org.name, sites: orgSites, people };
}

/** Writes one fetched organization in one transaction: readers see the old roles or the new ones. */
async function store(
  db: Database,
  organizationId: string,
  fetched: Fetched,
  now: Date,
): Promise<RolesSyncReport> {
  return db.transaction(async (tx) => {
    await tx.update(organizations).set({ name: fetched.orgName }).where(eq(organizations.id, organizationId));
    const siteIdByCloudId = new Map<string, string>();
    for (const site of fetched.sites) {
      const [row] = await tx
        .insert(sites)
        .values({
          id: siteIdForCloudId(site.cloudId),
          cloudId: site.cloudId,
          organizationId,
          name: site.name,
          url: site.url,
          products: site.products,
        })
        .onConflictDoUpdate({
          target: sites.cloudId,
          set: {
            organizationId,
            url: site.url,
            // Keep what 3LO knows when workspaces name no product Greenlight models.
            ...(site.products.length ? { products: site.products } : {}),
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: sites.id });
      if (row) siteIdByCloudId.set(site.cloudId, row.id);
    }
    const orgSiteIds = [...siteIdByCloudId.values()];

    const orgAdminIds: string[] = [];
    const memberships: { siteId: string; userId: string; role: SiteRole }[] = [];
    for (const person of fetched.people) {
      const [user] = await tx
        .insert(users)
        .values({ accountId: person.accountId, name: person.name, email: person.email })
        .onConflictDoUpdate({
          target: users.accountId,
          // An e-mail the directory does not show keeps the one from the person's own sign-in.
          set: { name: person.name, ...(person.email ? { email: person.email } : {}), updatedAt: sql`now()` },
        })
        .returning({ id: users.id });
      if (!user) continue;
      if (person.orgAdmin) orgAdminIds.push(user.id);
      for (const [cloudId, role] of person.siteRoles) {
        const siteId = siteIdByCloudId.get(cloudId);
        if (siteId) memberships.push({ siteId, userId: user.id, role });
      }
    }

    for (const userId of orgAdminIds) {
      await tx
        .insert(organizationAdmins)
        .values({ organizationId, userId, roleSource: 'admin-api', syncedAt: now })
        .onConflictDoUpdate({
          target: [organizationAdmins.organizationId, organizationAdmins.userId],
          set: { roleSource: 'admin-api', syncedAt: now },
        });
    }
    // Removed upstream: org admins this connection synced before and no longer lists.
    await tx
      .delete(organizationAdmins)
      .where(
        and(
          eq(organizationAdmins.organizationId, organizationId),
          eq(organizationAdmins.roleSource, 'admin-api'),
          ...(orgAdminIds.length ? [notInArray(organizationAdmins.userId, orgAdminIds)] : []),
        ),
      );

    for (const membership of memberships) {
      await tx
        .insert(siteMemberships)
        .values({ ...membership, roleSource: 'admin-api', updatedAt: now })
        .onConflictDoUpdate({
          target: [siteMemberships.siteId, siteMemberships.userId],
          set: { role: membership.role, roleSource: 'admin-api', updatedAt: now },
        });
    }
    if (orgSiteIds.length) {
      const keep = new Set(memberships.map((m) => `${m.siteId}\u0000${m.userId}`));
      const synced = await tx
        .select({ siteId: siteMemberships.siteId, userId: siteMemberships.userId })
        .from(siteMemberships)
        .where(and(inArray(siteMemberships.siteId, orgSiteIds), eq(siteMemberships.roleSource, 'admin-api')));
      for (const row of synced) {
        if (keep.has(`${row.siteId}\u0000${row.userId}`)) continue;
        // Removed upstream: no admin role there any more; a plain member again until their next sign-in says otherwise.
        await tx
          .update(siteMemberships)
          .set({ role: 'user', roleSource: 'product-permission', updatedAt: now })
          .where(and(eq(siteMemberships.siteId, row.siteId), eq(siteMemberships.userId, row.userId)));
      }
    }
    return { sites: orgSiteIds.length, orgAdmins: orgAdminIds.length, siteRoles: memberships.length };
  });
}

/**
 * Syncs one organization's roles when due (or `force`, for "Sync now"), under its lease. A failure
 * keeps the roles already stored (they age out after the TTL) and is recorded on the connection;
 * a 429 postpones the next sync by its Retry-After.
 */
export async function syncOrganizationRoles(
  db: Database,
  organizationId: string,
  deps: OrganizationDeps,
  options: { force?: boolean } = {},
): Promise<RolesSyncOutcome> {
  const row = await loadConnection(db, organizationId);
  if (!row) return { status: 'not-connected' };
  const now = deps.now();
  if (row.rolesNextSyncAt && row.rolesNextSyncAt > now) return { status: 'not-due' };
  if (
    !options.force &&
    row.rolesSyncedAt &&
    now.getTime() - row.rolesSyncedAt.getTime() < rolesSyncIntervalMs()
  )
    return { status: 'not-due' };

  const leased = await withLease(
    db,
    `org-roles:${organizationId}`,
    deps.holder,
    LEASE_MS,
    async (): Promise<RolesSyncOutcome> => {
      try {
        const api = deps.adminApi(await openApiKey(db, row, deps));
        const fetched = await fetchOrganization(api, row, db);
        const report = await store(db, organizationId, fetched, deps.now());
        await db
          .update(organizationConnections)
          .set({ rolesSyncedAt: deps.now(), rolesNextSyncAt: null, lastSyncError: null })
          .where(eq(organizationConnections.organizationId, organizationId));
        return { status: 'synced', report };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const retryAfter = Number(error.headers['Retry-After'] ?? 0);
        await db
          .update(organizationConnections)
          .set({
            lastSyncError: error.message,
            rolesNextSyncAt: retryAfter > 0 ? new Date(deps.now().getTime() + retryAfter * 1000) : null,
          })
          .where(eq(organizationConnections.organizationId, organizationId));
        logger.warn({ organizationId, code: error.code }, 'organization roles sync failed');
        return { status: 'failed', code: error.code, message: error.message };
      }
    },
  );
  return leased.ran ? leased.result : { status: 'busy' };
}

/**
 * Disconnecting: the roles the connection synced lose their source. Org admins it listed go; its
 * site roles become plain memberships until each person's own sign-in says more.
 */
export async function forgetOrganizationRoles(tx: Executor, organizationId: string): Promise<void> {
  await tx
    .delete(organizationAdmins)
    .where(
      and(
        eq(organizationAdmins.organizationId, organizationId),
        eq(organizationAdmins.roleSource, 'admin-api'),
      ),
    );
  const orgSites = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(eq(sites.organizationId, organizationId));
  if (orgSites.length === 0) return;
  await tx
    .update(siteMemberships)
    .set({ role: 'user', roleSource: 'product-permission' })
    .where(
      and(
        inArray(
          siteMemberships.siteId,
          orgSites.map((site) => site.id),
        ),
        eq(siteMemberships.roleSource, 'admin-api'),
      ),
    );
}
