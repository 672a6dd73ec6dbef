import type { Analyzer } from './analyzer';
import { ANALYZERS } from './analyzers';
import { createSearchIndex, type SearchIndexOptions } from './index';
import { DEFAULT_SEARCH_LOCALE, type SearchLocale } from './locales';
import { makeSnippet, termMatcher } from './snippet';
import type {
  SearchDocument,
  SearchIndex,
  SearchOptions,
  SearchResponse,
  SearchResult,
  SignatureMatch,
} from './types';

/**
 * Search in the reader's language with English as the fallback. Each language has its own index
 * (its own analyzer: stems, compounds, segmentation); a query in German or Japanese is asked of the
 * reader's index and of the English one, and the answers are merged per article (slug):
 *
 * 1. the reader's-language results, in their order;
 * 2. then the English results for articles not found in the reader's language, shown in the
 *    reader's language when the article is translated (an English paste or term found the topic),
 *    else in English, marked `locale: 'en'` so the page can say so.
 *
 * An English reader gets the English index alone, as before.
 */

export interface LocalizedSearchOptions extends SearchOptions {
  /** The reader's language; English when absent. */
  locale?: SearchLocale;
}

export interface LocalizedSearchResult extends SearchResult {
  /** The language the result is shown in (the article's translation, or English). */
  locale: SearchLocale;
}

export interface LocalizedSignatureMatch extends SignatureMatch {
  /** The language of the article the error was recognised from. */
  locale: SearchLocale;
}

export interface LocalizedSearchResponse extends Omit<SearchResponse, 'results' | 'signature'> {
  /** The reader's language the search was made for. */
  locale: SearchLocale;
  results: LocalizedSearchResult[];
  signature?: LocalizedSignatureMatch;
}

export interface LocalizedSearchIndex {
  search(query: string, options?: LocalizedSearchOptions): LocalizedSearchResponse;
  /** Languages with an index (English always). */
  readonly locales: readonly SearchLocale[];
  /** Indexed articles in a language. */
  size(locale: SearchLocale): number;
}

/** Every result of the merge is ranked, so both sides are asked for this many (the engine's bound). */
const MERGE_DEPTH = 100;

export type DocumentsByLocale = Partial<Record<SearchLocale, readonly SearchDocument[]>> & {
  en: readonly SearchDocument[];
};

export interface LocalizedSearchIndexOptions extends Pick<SearchIndexOptions, 'synonyms'> {
  /** Another analyzer for a language (the benchmark compares candidates this way). */
  analyzers?: Partial<Record<SearchLocale, Analyzer>>;
  /** Ask the English index too when the reader's language is another; on by default. */
  englishFallback?: boolean;
}

export function createLocalizedSearchIndex(
  documents: DocumentsByLocale,
  options: LocalizedSearchIndexOptions = {},
): LocalizedSearchIndex {
  const { analyzers = {}, englishFallback = true, ...indexOptions } = options;
  const indexes = new Map<SearchLocale, SearchIndex>();
  const bySlug = new Map<SearchLocale, Map<string, SearchDocument>>();
  for (const [locale, docs] of Object.entries(documents) as Array<[SearchLocale, SearchDocument[]]>) {
    if (!docs) continue;
    indexes.set(
      locale,
      createSearchIndex(docs, {
        analyzer: analyzers[locale] ?? ANALYZERS[locale],
        ...(locale === DEFAULT_SEARCH_LOCALE ? indexOptions : {}),
      }),
    );
    bySlug.set(locale, new Map(docs.map((d) => [d.id, d])));
  }
  const english = indexes.get(DEFAULT_SEARCH_LOCALE)!;

  function search(query: string, searchOptions: LocalizedSearchOptions = {}): LocalizedSearchResponse {
    const { locale: wanted, ...rest } = searchOptions;
    const locale = wanted && indexes.has(wanted) ? wanted : DEFAULT_SEARCH_LOCALE;
    if (locale === DEFAULT_SEARCH_LOCALE) return inLocale(english.search(query, rest), locale);

    const limit = Math.min(MERGE_DEPTH, Math.max(1, Math.floor(rest.limit ?? 10)));
    // Both sides unfiltered, so the facets count every match, as a single index's do.
    const own = indexes.get(locale)!.search(query, { limit: MERGE_DEPTH });
    const fallback: SearchResponse = englishFallback
      ? english.search(query, { limit: MERGE_DEPTH })
      : { total: 0, results: [], facets: { product: {}, audience: {} } };
    const translations = bySlug.get(locale)!;
    const merged: LocalizedSearchResult[] = own.results.map((r) => withLocale(r, locale));
    const seen = new Set(merged.map((r) => r.id));
    for (const r of fallback.results) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const translated = translations.get(r.id);
      merged.push(translated ? translatedResult(translated, r.score, locale) : withLocale(r, 'en'));
    }
    const recognised = own.signature ?? fallback.signature;
    const signature: LocalizedSignatureMatch | undefined = recognised && {
      ...recognised,
      locale: translations.has(recognised.slug) ? locale : DEFAULT_SEARCH_LOCALE,
    };
    if (signature && !own.signature) moveToTop(merged, signature.slug);
    const filtered = merged.filter(
      (r) =>
        (!rest.product || r.products.includes(rest.product)) &&
        (!rest.audience || r.audience === rest.audience),
    );
    const response: LocalizedSearchResponse = {
      locale,
      total: filtered.length,
      results: filtered.slice(0, limit),
      facets: facetsOf(merged),
    };
    if (signature) response.signature = signature;
    return response;
  }

  return {
    search,
    locales: [...indexes.keys()],
    size: (locale) => bySlug.get(locale)?.size ?? 0,
  };
}

function inLocale(response: SearchResponse, locale: SearchLocale): LocalizedSearchResponse {
  const { signature, results, ...rest } = response;
  return {
    ...rest,
    locale,
    results: results.map((r) => withLocale(r, locale)),
    ...(signature ? { signature: { ...signature, locale } } : {}),
  };
}

/** The result with its language; its snippet is still made when first read. */
function withLocale(result: SearchResult, locale: SearchLocale): LocalizedSearchResult {
  return Object.defineProperty(result, 'locale', {
    value: locale,
    enumerable: true,
  }) as LocalizedSearchResult;
}

/** An article found through its English version, shown in the reader's language (its summary as the excerpt). */
function translatedResult(doc: SearchDocument, score: number, locale: SearchLocale): LocalizedSearchResult {
  let snippet: string | undefined;
  return {
    id: doc.id,
    score,
    title: doc.title,
    summary: doc.summary,
    url: doc.url,
    products: doc.products,
    ...(doc.audience ? { audience: doc.audience } : {}),
    locale,
    get snippet() {
      return (snippet ??= makeSnippet('', doc.summary, termMatcher([], [])));
    },
  };
}

function moveToTop(results: LocalizedSearchResult[], slug: string) {
  const at = results.findIndex((r) => r.id === slug);
  if (at > 0) results.unshift(...results.splice(at, 1));
}

/** Counts over the merged results (each article once), before the product and audience filters. */
function facetsOf(results: readonly LocalizedSearchResult[]): SearchResponse['facets'] {
  const facets = { product: {} as Record<string, number>, audience: {} as Record<string, number> };
  for (const r of results) {
    for (const product of r.products) facets.product[product] = (facets.product[product] ?? 0) + 1;
    if (r.audience) facets.audience[r.audience] = (facets.audience[r.audience] ?? 0) + 1;
  }
  return facets;
}
