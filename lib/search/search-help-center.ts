import 'server-only';
import type { Audience, Product } from '@/lib/content/schema';
import { getArticleSearchIndex, getLocalizedArticleSearchIndex } from './article-index';
import { DEFAULT_SEARCH_LOCALE, type SearchLocale } from './locales';
import { toSearchAnswer, type SearchAnswer } from './search-answer';
import { usageBoostsFor } from './usage-cache';

export interface HelpCenterSearch {
  q: string;
  product?: Product;
  audience?: Audience;
  limit: number;
  /** The reader's language: its articles first, English as the fallback. English when absent. */
  locale?: SearchLocale;
}

/**
 * A search of the help center's articles, as GET /api/search and the /search page run it. It
 * writes nothing: a GET must not change state (a cross-site <img> or a crawler would fill the
 * insights), so a settled search is logged by POST /api/search/events (record-search-event.ts).
 * The usage signal it ranks with is read from memory; reloading it is a read, in the background.
 */
export function searchHelpCenter(search: HelpCenterSearch): SearchAnswer {
  const options = { product: search.product, audience: search.audience, limit: search.limit };
  // English keeps its own index (the path measured by bench:search) and the usage signal, whose
  // query families are English stems; another language asks the per-language index, which falls
  // back to English.
  const response =
    search.locale && search.locale !== DEFAULT_SEARCH_LOCALE
      ? getLocalizedArticleSearchIndex().search(search.q, { ...options, locale: search.locale })
      : getArticleSearchIndex().search(search.q, {
          ...options,
          // What searchers of this query's family found helpful, from memory (usage-cache.ts).
          usageBoosts: usageBoostsFor(search.q),
        });
  return toSearchAnswer(search.q, response);
}
