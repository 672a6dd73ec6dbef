// Site host patterns for fallback routes ("acme.atlassian.net", "*.atlassian.net"). Pure and
// neutral, because lib/config.ts validates GREENLIGHT_FALLBACK_ADMINS with them at start and
// lib/requests matches sites with them. Written here because the rule is Greenlight's own (a
// leading "*." stands for one or more labels, the most specific pattern wins) and small.

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A parsed pattern: exact host, or a suffix that at least one label must precede. */
export interface HostPattern {
  pattern: string;
  wildcard: boolean;
  /** The host, or the suffix after "*." (lower case). */
  host: string;
}

/** Parses a pattern, or returns why it is not one. */
export function parseHostPattern(raw: string): HostPattern | { error: string } {
  const pattern = raw.trim().toLowerCase();
  const wildcard = pattern.startsWith('*.');
  const host = wildcard ? pattern.slice(2) : pattern;
  const labels = host.split('.');
  if (host.length > 253 || !labels.every((label) => LABEL.test(label)) || (!wildcard && labels.length < 2)) {
    return { error: `"${raw}" is not a site host pattern such as acme.atlassian.net or *.atlassian.net` };
  }
  // "*.net" would route every site of a whole top-level domain: at least two labels after "*.".
  if (labels.length < 2) {
    return { error: `"${raw}" is too broad: name at least a domain, such as *.atlassian.net` };
  }
  return { pattern: wildcard ? `*.${host}` : host, wildcard, host };
}

/** The host of a site URL ("https://acme.atlassian.net/" → "acme.atlassian.net"), or null. */
export function siteHost(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

export function matchesHost(pattern: HostPattern, host: string): boolean {
  const target = host.toLowerCase();
  return pattern.wildcard ? target.endsWith(`.${pattern.host}`) : target === pattern.host;
}

/**
 * How specific a pattern is, to pick one when several match: an exact host beats any wildcard,
 * and a longer suffix beats a shorter one (*.eu.example.com over *.example.com).
 */
export function specificity(pattern: HostPattern): number {
  return (pattern.wildcard ? 0 : 1_000) + pattern.host.split('.').length;
}
