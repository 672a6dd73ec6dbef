import type { SignatureMatch } from './types';

// Which recognised errors have a troubleshooter, and which captures it takes from the URL.
export const TROUBLESHOOTERS_BY_ARTICLE: Record<string, { flow: string; params: string[] }> = {
  'site-admin-must-authorize-app': { flow: 'authorize-app', params: ['site'] },
};

/** The troubleshooter URL for a recognised error, with its captures prefilled; undefined when none fits. */
export function troubleshooterUrlFor(signature: SignatureMatch): string | undefined {
  const target = TROUBLESHOOTERS_BY_ARTICLE[signature.slug];
  if (!target) return undefined;
  const params = new URLSearchParams();
  for (const name of target.params) {
    const value = signature.captures[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return `/troubleshoot/${target.flow}${query ? `?${query}` : ''}`;
}
