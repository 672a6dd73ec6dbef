import 'server-only';
import { createAtlassianApi, type AtlassianApi } from '@/lib/atlassian/api';
import {
  mergeAccessibleResources,
  siteIdForCloudId,
  type GrantedSite,
} from '@/lib/atlassian/accessible-resources';
import type { AtlassianHttpOptions, FetchLike } from '@/lib/atlassian/http';
import { AppError } from '@/lib/errors';
import type { SiteRole } from '@/lib/auth/viewer';
import type { Directory, DirectoryProfile, DirectorySite } from '@/lib/directory/types';

// The Directory port answered by Atlassian's 3LO APIs for one signed-in user (one access token).
// Apps and their authorization state are not here: Atlassian has no public API for them.

export interface AtlassianDirectoryOptions {
  /** ATLASSIAN_API_URL */
  apiUrl: string;
  accessToken: string;
  fetch?: FetchLike;
  /** Timeout, retry and backoff overrides (tests shorten them). */
  http?: Omit<AtlassianHttpOptions, 'fetch'>;
  /** Sites whose roles are looked up at once (default 6), so a large grant does not trip Jira's burst limit. */
  maxConcurrentSites?: number;
}

const DEFAULT_MAX_CONCURRENT_SITES = 6;

/** Like Promise.all over items.map(fn), with at most `limit` calls in flight; results keep their order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Upstream answers that mean "this product cannot tell us for this site", not "something is
 * broken": the grant lacks the product's scope, or the product is not in the grant for that site.
 * A role check failing this way falls back to the other product, then to `user`.
 */
const FALLBACK_CODES = new Set(['atlassian_scope_missing', 'atlassian_forbidden', 'atlassian_not_found']);

function isFallback(reason: unknown): boolean {
  return reason instanceof AppError && FALLBACK_CODES.has(reason.code);
}

/**
 * Product admin (Jira ADMINISTER or Confluence administer) is reported as `product-admin`, never
 * as site admin: no 3LO endpoint reports site-admin or org-admin status (facts §3.3), and a product
 * admin only "probably can reach admin.atlassian.com". The troubleshooter asks them to confirm.
 */
async function roleOnSite(api: AtlassianApi, site: GrantedSite): Promise<SiteRole> {
  const checks: Promise<boolean>[] = [];
  // JSM runs on Jira, so the Jira permission answers for a JSM-only grant too.
  if (site.products.includes('jira') || site.products.includes('jsm'))
    checks.push(api.getJiraAdminPermission(site.cloudId));
  if (site.products.includes('confluence')) checks.push(api.getConfluenceAdmin(site.cloudId));
  const results = await Promise.allSettled(checks);
  if (results.some((result) => result.status === 'fulfilled' && result.value)) return 'product-admin';
  // A timeout, rate limit or invalid token must not silently demote anyone: surface it.
  const failure = results.find((result) => result.status === 'rejected' && !isFallback(result.reason));
  if (failure?.status === 'rejected') throw failure.reason;
  return 'user';
}

export function createAtlassianDirectory(options: AtlassianDirectoryOptions): Directory {
  const api = createAtlassianApi({
    ...options.http,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    apiUrl: options.apiUrl,
    accessToken: options.accessToken,
  });

  return {
    async profile(): Promise<DirectoryProfile> {
      const me = await api.getProfile();
      return {
        accountId: me.account_id,
        email: me.email,
        name: me.name,
        ...(me.picture ? { picture: me.picture } : {}),
      };
    },

    async sites(): Promise<DirectorySite[]> {
      const granted = mergeAccessibleResources(await api.getAccessibleResources());
      // One or two role checks per site, several sites at once.
      const roles = await mapConcurrently(
        granted,
        options.maxConcurrentSites ?? DEFAULT_MAX_CONCURRENT_SITES,
        (site) => roleOnSite(api, site),
      );
      return granted.map((site, index) => ({
        id: siteIdForCloudId(site.cloudId),
        cloudId: site.cloudId,
        name: site.name,
        url: site.url,
        products: site.products,
        role: roles[index] ?? 'user',
        // Both answers come from the products' permission APIs, not from Atlassian's admin roles.
        roleSource: 'product-permission' as const,
      }));
    },
  };
}
