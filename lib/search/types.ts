/** One searchable article, already reduced to plain text. */
export interface SearchDocument {
  id: string;
  url: string;
  title: string;
  summary: string;
  headings: string[];
  tags: string[];
  /** Plain text, no markup. */
  body: string;
  /** Error message templates with `{name}` placeholders, e.g. `… for the site {site} …`. */
  errorSignatures: string[];
  products: string[];
  audience?: string;
  /** Addresses of the articles this one links to (body links and `related`), for the link prior. */
  links?: string[];
  /** Other addresses of the article (front matter `aliases` or `redirect_from`): links to them count. */
  aliases?: string[];
}

export interface SearchOptions {
  product?: string;
  audience?: string;
  /** Results to return; bounded to 1..100, default 10. */
  limit?: number;
  /**
   * What searchers of this query's family found helpful (usage-signal.ts): article id → share of
   * its score added or taken away, clamped to ±USAGE_BOOST_CAP. Absent: ranking by text alone.
   */
  usageBoosts?: ReadonlyMap<string, number>;
}

export interface SearchResult {
  id: string;
  score: number;
  title: string;
  summary: string;
  url: string;
  products: string[];
  audience?: string;
  /** HTML-escaped excerpt; the only markup is `<mark>` around matched words. Made when first read. */
  readonly snippet: string;
}

/** A pasted error message recognised as one of an article's `errorSignatures`. */
export interface SignatureMatch {
  slug: string;
  captures: Record<string, string>;
}

export interface SearchResponse {
  total: number;
  results: SearchResult[];
  signature?: SignatureMatch;
  /** Counts over all matches before the product/audience filter. */
  facets: { product: Record<string, number>; audience: Record<string, number> };
}

export interface SearchIndex {
  search(query: string, options?: SearchOptions): SearchResponse;
  /** Number of indexed documents. */
  readonly size: number;
}
