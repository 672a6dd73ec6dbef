import type { LocalizedSearchResponse } from './localized-index';
import { DEFAULT_SEARCH_LOCALE, type SearchLocale } from './locales';
import { troubleshooterUrlFor } from './troubleshooter-links';
import type { SearchResponse } from './types';

export interface SearchAnswer {
  query: string;
  total: number;
  signature?: {
    slug: string;
    title?: string;
    url: string;
    captures: Record<string, string>;
    troubleshooterUrl?: string;
  };
  facets: SearchResponse['facets'];
  results: Array<{
    slug: string;
    title: string;
    summary: string;
    url: string;
    snippet: string;
    /** The article's first product ("all" when it applies to every product). */
    product: string;
    products: string[];
    score: number;
    /** The language the article is shown in: the reader's, or English when it is not translated. */
    locale: SearchLocale;
  }>;
}

/** The public shape of a search, shared by GET /api/search and the /search page. */
export function toSearchAnswer(
  query: string,
  response: SearchResponse | LocalizedSearchResponse,
): SearchAnswer {
  const results = response.results.map((result) => ({
    slug: result.id,
    title: result.title,
    summary: result.summary,
    url: result.url,
    snippet: result.snippet,
    product: result.products[0] ?? 'all',
    products: result.products,
    score: Math.round(result.score * 1000) / 1000,
    locale: 'locale' in result ? (result.locale as SearchLocale) : DEFAULT_SEARCH_LOCALE,
  }));
  const signature = response.signature;
  const signatureArticle = signature && results.find((r) => r.slug === signature.slug);
  return {
    query,
    total: response.total,
    ...(signature
      ? {
          signature: {
            slug: signature.slug,
            title: signatureArticle?.title,
            url: signatureArticle?.url ?? `/articles/${signature.slug}`,
            captures: signature.captures,
            troubleshooterUrl: troubleshooterUrlFor(signature, query),
          },
        }
      : {}),
    facets: response.facets,
    results,
  };
}
