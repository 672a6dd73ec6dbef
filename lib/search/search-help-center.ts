import 'server-only';
import type { Audience, Product } from '@/lib/content/schema';
import { getArticleSearchIndex } from './article-index';
import { toSearchAnswer, type SearchAnswer } from './search-answer';
import { usageBoostsFor } from './usage-cache';

export interface HelpCenterSearch {
  q: string;
  product?: Product;
  audience?: Audience;
  limit: number;
}

/**
 * A search of the help center's articles, as GET /api/search and the /search page run it. It
 * writes nothing: a GET must not change state (a cross-site <img> or a crawler would fill the
 * insights), so a settled search is logged by POST /api/search/events (record-search-event.ts).
 * The usage signal it ranks with is read from memory; reloading it is a read, in the background.
 */
export function searchHelpCenter(search: HelpCenterSearch): SearchAnswer {
  const response = getArticleSearchIndex().search(search.q, {
    product: search.product,
    audience: search.audience,
    limit: search.limit,
    // What searchers of this query's family found helpful, from memory (usage-cache.ts).
    usageBoosts: usageBoostsFor(search.q),
  });
  return toSearchAnswer(search.q, response);
}
