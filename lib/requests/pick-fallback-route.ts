import type { FallbackRouteConfig } from '@/lib/config';
import { matchesHost, parseHostPattern, specificity } from '@/lib/host-pattern';

export interface OrganizationRoute {
  organizationId: string;
  pattern: string;
  addresses: readonly string[];
}

export interface PickedRoute {
  pattern: string;
  addresses: string[];
  source: 'organization' | 'deployment';
}

/**
 * Where a request goes when Greenlight knows no admin of its site. An organisation's own routes
 * count only for that organisation's sites (an org admin cannot catch another org's requests);
 * the deployment's routes (GREENLIGHT_FALLBACK_ADMINS) count for every site. The most specific
 * matching pattern wins; on a tie, the organisation's route.
 */
export function pickFallbackRoute(
  site: { host: string | null; organizationId: string | null },
  organizationRoutes: readonly OrganizationRoute[],
  deploymentRoutes: readonly FallbackRouteConfig[],
): PickedRoute | null {
  if (!site.host) return null;
  const candidates = [
    ...organizationRoutes
      .filter((route) => site.organizationId !== null && route.organizationId === site.organizationId)
      .map((route) => ({ ...route, source: 'organization' as const })),
    ...deploymentRoutes.map((route) => ({ ...route, source: 'deployment' as const })),
  ];
  let best: { route: PickedRoute; rank: number } | null = null;
  for (const candidate of candidates) {
    const pattern = parseHostPattern(candidate.pattern);
    if ('error' in pattern || !matchesHost(pattern, site.host) || !candidate.addresses.length) continue;
    const rank = specificity(pattern) * 2 + (candidate.source === 'organization' ? 1 : 0);
    if (!best || rank > best.rank) {
      best = {
        rank,
        route: { pattern: pattern.pattern, addresses: [...candidate.addresses], source: candidate.source },
      };
    }
  }
  return best?.route ?? null;
}
