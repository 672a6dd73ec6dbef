import 'server-only';
import type { Audience, Product } from '@/lib/content/schema';
import { getArticleSearchIndex, getLocalizedArticleSearchIndex } from './article-index';
import { DEFAULT_SEARCH_LOCALE, type SearchLocale } from './locales';
import { toSearchAnswer, type SearchAnswer } from './search-answer';

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
 */
export function searchHelpCenter(search: HelpCenterSearch): SearchAnswer {
  const options = { product: search.product, audience: search.audience, limit: search.limit };
  // English keeps its own index (the path measured by bench:search); another language asks the
  // per-language index, which falls back to English.
  const response =
    search.locale && search.locale !== DEFAULT_SEARCH_LOCALE
      ? getLocalizedArticleSearchIndex().search(search.q, { ...options, locale: search.locale })
      : getArticleSearchIndex().search(search.q, options);
  return toSearchAnswer(search.q, response);
}
