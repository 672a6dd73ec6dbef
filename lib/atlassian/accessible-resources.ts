import type { AccessibleResource } from '@/lib/atlassian/schemas';

// Pure helpers that turn accessible-resources entries into Greenlight sites.

/** The products a site can have, in the order Greenlight lists them (articles add "all"). */
export const SITE_PRODUCTS = ['jira', 'confluence', 'jsm'] as const;
export type SiteProduct = (typeof SITE_PRODUCTS)[number];

/**
 * The product a scope belongs to, or undefined for product-neutral scopes (read:me, offline_access).
 * Classic scopes name the product after a colon (`read:jira-work`, `read:confluence-user`,
 * `read:servicedesk-request`); granular ones end with it (`read:issue:jira`,
 * `read:page:confluence`, `read:request:jira-service-management`, `read:board-scope:jira-software`).
 * JSM is checked first because its granular suffix also starts with "jira-".
 */
export function productOfScope(scope: string): SiteProduct | undefined {
  if (/:(?:servicedesk|servicemanagement)(?:$|-)|:jira-service-management(?:$|[-.:])/.test(scope))
    return 'jsm';
  if (/:confluence(?:$|[-.])/.test(scope)) return 'confluence';
  if (/:jira(?:$|[-.])/.test(scope)) return 'jira';
  return undefined;
}

/**
 * Products inferred from the scopes granted on a site. This is a lower bound: it says which
 * products the grant covers, so a site whose Confluence the app never asked for shows Jira only.
 */
export function productsFromScopes(scopes: readonly string[]): SiteProduct[] {
  const found = new Set<SiteProduct>();
  for (const scope of scopes) {
    const product = productOfScope(scope);
    if (product) found.add(product);
  }
  return SITE_PRODUCTS.filter((product) => found.has(product));
}

export interface GrantedSite {
  cloudId: string;
  name: string;
  url: string;
  avatarUrl?: string;
  scopes: string[];
  products: SiteProduct[];
}

/**
 * One entry per cloud id. Atlassian lists a site once per product it granted (Jira and
 * Confluence of one site arrive as two entries with the same id), so scopes are merged and
 * name, url and avatar come from the first entry.
 */
export function mergeAccessibleResources(resources: readonly AccessibleResource[]): GrantedSite[] {
  const byId = new Map<string, { first: AccessibleResource; scopes: Set<string> }>();
  for (const resource of resources) {
    const entry = byId.get(resource.id);
    if (entry) {
      for (const scope of resource.scopes) entry.scopes.add(scope);
    } else {
      byId.set(resource.id, { first: resource, scopes: new Set(resource.scopes) });
    }
  }
  return [...byId.values()].map(({ first, scopes }) => {
    const merged = [...scopes];
    return {
      cloudId: first.id,
      name: first.name,
      url: first.url.replace(/\/+$/, ''),
      ...(first.avatarUrl ? { avatarUrl: first.avatarUrl } : {}),
      scopes: merged,
      products: productsFromScopes(merged),
    };
  });
}

/**
 * Greenlight's site id for an Atlassian site: `cloud-<cloudId>`. The prefix keeps these ids apart
 * from the seeded local ids (`site-acme`) and makes the origin visible in logs and URLs.
 */
export function siteIdForCloudId(cloudId: string): string {
  return `cloud-${cloudId}`;
}

/** The inverse of siteIdForCloudId; undefined for ids that are not Atlassian-derived. */
export function cloudIdFromSiteId(siteId: string): string | undefined {
  return siteId.startsWith('cloud-') && siteId.length > 'cloud-'.length
    ? siteId.slice('cloud-'.length)
    : undefined;
}
