import { ADMIN_ROLE_IDS } from '@/lib/atlassian/admin-api';
import type { AdminRoleAssignment, AdminWorkspace } from '@/lib/atlassian/admin-schemas';
import type { SiteProduct } from '@/lib/atlassian/accessible-resources';
import type { SiteRole } from '@/lib/auth/roles';

// Pure: what the Organizations API's workspaces and role assignments mean in Greenlight's role
// model (lib/auth/roles.ts). Role ids map one to one; a person with several roles on one site
// keeps the one that matters most for authorizing apps.

export interface OrgSite {
  cloudId: string;
  name: string;
  url: string;
  products: SiteProduct[];
}

/** Role ids → Greenlight's site roles (org admin is kept apart, per organization). */
const SITE_ROLE_OF: Record<string, SiteRole> = {
  [ADMIN_ROLE_IDS.siteAdmin]: 'site-admin',
  [ADMIN_ROLE_IDS.appAdmin]: 'app-admin',
  [ADMIN_ROLE_IDS.userAccessAdmin]: 'user-access-admin',
  [ADMIN_ROLE_IDS.user]: 'user',
  [ADMIN_ROLE_IDS.guest]: 'guest',
};

/** Highest first: who may authorize, who must confirm, who manages users, members, guests. */
const PRECEDENCE: readonly SiteRole[] = ['site-admin', 'app-admin', 'user-access-admin', 'user', 'guest'];

function productOfTypeKey(typeKey: string | undefined): SiteProduct | undefined {
  if (!typeKey) return undefined;
  if (/servicedesk|service-management/.test(typeKey)) return 'jsm';
  if (/confluence/.test(typeKey)) return 'confluence';
  if (/jira/.test(typeKey)) return 'jira';
  return undefined;
}

/**
 * The org's sites from its workspaces: one site per host (Jira and Confluence of one site are two
 * workspaces with one hostUrl). The cloud id is the workspace id (UNCONFIRMED: the documentation
 * does not say that a site workspace's id is its cloud id), unless a site Greenlight already knows
 * has the same URL, in which case that site's cloud id wins.
 */
export function sitesFromWorkspaces(
  workspaces: readonly AdminWorkspace[],
  knownCloudIdByUrl: ReadonlyMap<string, string> = new Map(),
): OrgSite[] {
  const byUrl = new Map<string, OrgSite>();
  for (const workspace of workspaces) {
    const hostUrl = workspace.attributes?.hostUrl;
    if (!hostUrl) continue; // Bitbucket, Trello and the like: not a site Greenlight knows
    let url: URL;
    try {
      url = new URL(/^https?:\/\//.test(hostUrl) ? hostUrl : `https://${hostUrl}`);
    } catch {
      continue;
    }
    const origin = url.origin;
    const product = productOfTypeKey(workspace.attributes?.typeKey);
    const existing = byUrl.get(origin);
    if (existing) {
      if (product && !existing.products.includes(product)) existing.products.push(product);
      continue;
    }
    byUrl.set(origin, {
      cloudId: knownCloudIdByUrl.get(origin) ?? workspace.id,
      name: url.hostname.split('.')[0] ?? url.hostname,
      url: origin,
      products: product ? [product] : [],
    });
  }
  return [...byUrl.values()];
}

/** The roles of one assignment entry: `roleAssignments` supersedes the deprecated `roles`. */
function rolesOf(entry: AdminRoleAssignment): string[] {
  const modern = (entry.roleAssignments ?? [])
    .map((item) => item.role)
    .filter((role): role is string => !!role);
  return modern.length > 0 ? modern : (entry.roles ?? []);
}

/**
 * The cloud id a resource ARI names: the part after "site/" ("ari:cloud:jira::site/{cloudId}";
 * UNCONFIRMED form), else the whole id when it is one of the org's site cloud ids.
 */
export function cloudIdOfResource(
  resourceId: string | undefined,
  cloudIds: ReadonlySet<string>,
): string | undefined {
  if (!resourceId) return undefined;
  const match = /(?:^|[:/])site\/([^/]+)$/.exec(resourceId);
  const candidate = match?.[1] ?? resourceId;
  return cloudIds.has(candidate) ? candidate : undefined;
}

export interface PersonRoles {
  orgAdmin: boolean;
  /** Cloud id → the person's role there. */
  siteRoles: Map<string, SiteRole>;
}

/** One person's assignments → org admin or not, and their strongest role on each of the org's sites. */
export function rolesFromAssignments(
  assignments: readonly AdminRoleAssignment[],
  cloudIds: ReadonlySet<string>,
): PersonRoles {
  const result: PersonRoles = { orgAdmin: false, siteRoles: new Map() };
  for (const entry of assignments) {
    for (const role of rolesOf(entry)) {
      if (role === ADMIN_ROLE_IDS.orgAdmin) {
        result.orgAdmin = true;
        continue;
      }
      const siteRole = SITE_ROLE_OF[role];
      const cloudId = cloudIdOfResource(entry.resourceId, cloudIds);
      if (!siteRole || !cloudId) continue; // a role Greenlight does not model, or another product
      const current = result.siteRoles.get(cloudId);
      if (!current || PRECEDENCE.indexOf(siteRole) < PRECEDENCE.indexOf(current))
        result.siteRoles.set(cloudId, siteRole);
    }
  }
  return result;
}
