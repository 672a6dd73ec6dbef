import type { SearchDocument } from './types';

/**
 * A static prior learned from the corpus's own links: an article that many
 * other articles point to is more often the one a person is looking for than
 * an equally matching page nobody links to (a general overview, a niche admin
 * page). Counted once per linking article, at index time.
 */

/** Score multiplier per natural-log unit of in-links (1 + w·ln(1 + n)); chosen on the dev set. */
export const LINK_PRIOR_WEIGHT = 0.1;

/** Path of an internal link, without origin, query, fragment or trailing slash; undefined for other sites. */
function linkPath(href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
  const path = href.split(/[?#]/, 1)[0]!.replace(/\/+$/, '');
  return path || undefined;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Number of distinct other articles that link to each article. A link resolves
 * by the article's address or one of its aliases, else by its last path
 * segment when exactly one article ends that way (links often carry a version
 * or section prefix the index does not know).
 */
export function inLinkCounts(docs: readonly SearchDocument[]): Uint32Array {
  const byPath = new Map<string, number>();
  const bySegment = new Map<string, number>();
  const ambiguous = new Set<string>();
  const file = (path: string | undefined, i: number) => {
    if (!path) return;
    if (!byPath.has(path)) byPath.set(path, i);
    const segment = lastSegment(path);
    if (!segment) return;
    const known = bySegment.get(segment);
    if (known === undefined) bySegment.set(segment, i);
    else if (known !== i) ambiguous.add(segment);
  };
  docs.forEach((doc, i) => {
    file(linkPath(doc.url || `/${doc.id}`), i);
    for (const alias of doc.aliases ?? []) file(linkPath(alias), i);
  });
  const resolve = (href: string): number | undefined => {
    const path = linkPath(href);
    if (!path) return undefined;
    const exact = byPath.get(path) ?? byPath.get(path.startsWith('/') ? path : `/${path}`);
    if (exact !== undefined) return exact;
    const segment = lastSegment(path);
    return ambiguous.has(segment) ? undefined : bySegment.get(segment);
  };
  const counts = new Uint32Array(docs.length);
  docs.forEach((doc, source) => {
    const targets = new Set<number>();
    for (const href of doc.links ?? []) {
      const target = resolve(href);
      if (target !== undefined && target !== source) targets.add(target);
    }
    for (const target of targets) counts[target]!++;
  });
  return counts;
}

/** Multiplier per article: 1 for an article nobody links to. */
export function linkPriors(docs: readonly SearchDocument[], weight = LINK_PRIOR_WEIGHT): Float64Array {
  const counts = inLinkCounts(docs);
  const priors = new Float64Array(docs.length);
  for (let i = 0; i < docs.length; i++) priors[i] = 1 + weight * Math.log1p(counts[i]!);
  return priors;
}
