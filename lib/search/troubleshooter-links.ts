import type { SignatureMatch } from './types';

// Which recognised errors have a troubleshooter, and which captures it takes from the URL.
// `error: true` also hands the wizard the pasted text: its checks read the kind of error from it
// and open the matching branch (an IP refusal, a missing product) without asking.
export const TROUBLESHOOTERS_BY_ARTICLE: Record<string, { flow: string; params: string[]; error?: boolean }> =
  {
    'site-admin-must-authorize-app': { flow: 'authorize-app', params: ['site'] },
    'ip-address-rejected-not-on-allowed-list': { flow: 'authorize-app', params: [], error: true },
    'app-has-no-access-to-the-product': { flow: 'authorize-app', params: [], error: true },
  };

/** The wizard bounds the error it reads to this many characters (lib/flows/inputs.ts). */
const MAX_ERROR_CHARS = 2000;

/** The troubleshooter URL for a recognised error, with its captures prefilled; undefined when none fits. */
export function troubleshooterUrlFor(signature: SignatureMatch, pasted?: string): string | undefined {
  const target = TROUBLESHOOTERS_BY_ARTICLE[signature.slug];
  if (!target) return undefined;
  const params = new URLSearchParams();
  for (const name of target.params) {
    const value = signature.captures[name];
    if (value) params.set(name, value);
  }
  const error = target.error ? pasted?.trim().slice(0, MAX_ERROR_CHARS) : undefined;
  if (error) params.set('error', error);
  const query = params.toString();
  return `/troubleshoot/${target.flow}${query ? `?${query}` : ''}`;
}
