import MiniSearch from 'minisearch';
import type { Analyzer } from './analyzer';
import { englishAnalyzer } from './english';
import { linkPriors } from './link-prior';
import { planQuery, type PlannedTerm, type QueryPlan, type TermStatistics } from './query-plan';
import { SignatureMatcher, type SignatureHit } from './signatures';
import { makeSnippet, termMatcher, type TermMatcher } from './snippet';
import { defaultSynonyms, SynonymMatcher } from './synonyms';
import { Vocabulary } from './typo';
import type { SearchDocument, SearchIndex, SearchOptions, SearchResponse, SearchResult } from './types';
import { boostedScore } from './usage-signal';
import {
  rankCandidates,
  type Candidate,
  type DocumentFeatures,
  FIELD_BOOSTS,
  type Retrieval,
  SEARCH_FIELDS,
} from './rank';

export type { SearchDocument, SearchIndex, SearchOptions, SearchResponse, SearchResult } from './types';

/**
 * The search index: MiniSearch is the engine (inverted index, BM25 per field,
 * prefix lookup); Greenlight's query planning, ranking, error-signature
 * recognition and snippets sit on top. See docs/benchmarks.md for why MiniSearch.
 */

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
/** Terms in at most this share of documents are looked up in every field. */
const RARE_TERM_SHARE = 0.015;
/** Up to this share, only in the fields that say what an article is about. */
const COMMON_TERM_SHARE = 0.1;
const ALL_FIELDS: readonly string[] = SEARCH_FIELDS;
const ABOUT_FIELDS: readonly string[] = ['title', 'headings', 'summary', 'tags', 'slug', 'errorSignatures'];
const SHORT_FIELDS: readonly string[] = ['title', 'slug', 'summary', 'errorSignatures'];
const TITLE_ONLY: readonly string[] = ['title'];
/** Document counts below which a term is cheap to look up everywhere, however common. */
const SMALL_POSTINGS = 40;
/** Above this share a word is not looked up at all when the query has rarer ones. */
const VERY_COMMON_SHARE = 0.25;

function fieldsFor(term: PlannedTerm, share: number): readonly string[] {
  if (term.prefix && !term.exact) return SHORT_FIELDS;
  // A stand-in (synonym, typo fix, compound part) counts where an article says
  // what it is about; in bodies it mostly adds postings and loose matches.
  if (share <= RARE_TERM_SHARE) return term.exact ? ALL_FIELDS : ABOUT_FIELDS;
  if (share <= COMMON_TERM_SHARE) return term.exact ? ABOUT_FIELDS : SHORT_FIELDS;
  return TITLE_ONLY;
}

interface IndexedFields {
  i: number;
  title: string;
  headings: string;
  summary: string;
  tags: string;
  slug: string;
  errorSignatures: string;
  body: string;
}

export interface SearchIndexOptions {
  /** The domain synonym table; English's by default, none for other languages. */
  synonyms?: SynonymMatcher;
  /** The language of the documents and of the queries asked of them; English by default. */
  analyzer?: Analyzer;
}

export function createSearchIndex(
  documents: SearchDocument[],
  options: SearchIndexOptions = {},
): SearchIndex {
  const docs = [...documents];
  const base = options.analyzer ?? englishAnalyzer;
  // An analyzer that learns from the corpus (German compounds) reads every text once first.
  const analyzer = base.withCorpus ? base.withCorpus(docs.flatMap(documentTexts)) : base;
  const { stem, isStopWord, minWordLength } = analyzer;
  const compoundParts = analyzer.compoundParts;
  const vocabulary = new Vocabulary();
  const documentFrequency = new Map<string, number>();
  const features: DocumentFeatures[] = [];

  const engine = new MiniSearch<IndexedFields>({
    idField: 'i',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    // Fields arrive already analysed (stems joined by spaces): analysis is ours.
    tokenize: (text) => (text ? text.split(' ') : []),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
  });

  const analyse = (text: string, seen: Set<string>): string => {
    const out: string[] = [];
    for (const word of analyzer.words(text)) {
      if (word.length < minWordLength || isStopWord(word)) continue;
      if (analyzer.typoTolerance) vocabulary.add(word);
      const s = stem(word);
      out.push(s);
      seen.add(s);
      // A compound's parts sit right after it, so a search for a part finds it.
      const parts = compoundParts?.(word);
      if (parts)
        for (const part of parts) {
          const p = stem(part);
          out.push(p);
          seen.add(p);
        }
    }
    return out.join(' ');
  };

  docs.forEach((doc, i) => {
    const seen = new Set<string>();
    const fields: IndexedFields = {
      i,
      title: analyse(doc.title, seen),
      headings: analyse(doc.headings.join('\n'), seen),
      summary: analyse(doc.summary, seen),
      tags: analyse(doc.tags.join('\n'), seen),
      slug: analyse(slugWords(doc.url || doc.id), seen),
      errorSignatures: analyse(doc.errorSignatures.map((s) => s.replace(/\{\w+\}/g, ' ')).join('\n'), seen),
      body: analyse(doc.body, seen),
    };
    engine.add(fields);
    for (const s of seen) documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + 1);
    features.push({ title: splitTerms(fields.title), summary: splitTerms(fields.summary) });
  });

  const total = Math.max(1, docs.length);
  const stats: TermStatistics = {
    hasTerm: (s) => documentFrequency.has(s),
    idf: (s) => {
      const df = documentFrequency.get(s) ?? 0;
      return df === 0 ? 0 : Math.log(1 + (total - df + 0.5) / (df + 0.5));
    },
    vocabulary,
    synonyms:
      options.synonyms ?? (analyzer.locale === 'en' ? defaultSynonyms() : new SynonymMatcher(NO_SYNONYMS)),
    analyzer,
    split: compoundParts ?? ((word) => vocabulary.split(word)),
  };
  vocabulary.prepare();
  const priors = linkPriors(docs);
  const signatures = new SignatureMatcher(docs.map((d) => ({ slug: d.id, templates: d.errorSignatures })));
  const positionOfId = new Map(docs.map((d, i) => [d.id, i]));

  function search(query: string, searchOptions: SearchOptions = {}): SearchResponse {
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(searchOptions.limit ?? DEFAULT_LIMIT)));
    const signature = signatures.match(query);
    const plan = planQuery(query, stats);
    const ranked = plan.terms.size > 0 ? rankCandidates(retrieve(plan), plan, features) : [];
    for (const candidate of ranked) candidate.score *= priors[candidate.doc]!;
    const usage = searchOptions.usageBoosts;
    if (usage && usage.size > 0)
      for (const candidate of ranked)
        candidate.score = boostedScore(candidate.score, usage.get(docs[candidate.doc]!.id));
    ranked.sort((a, b) => b.score - a.score);
    promoteSignature(ranked, signature, positionOfId);

    const facets = { product: {} as Record<string, number>, audience: {} as Record<string, number> };
    const filtered: Candidate[] = [];
    for (const candidate of ranked) {
      const doc = docs[candidate.doc]!;
      for (const product of doc.products) facets.product[product] = (facets.product[product] ?? 0) + 1;
      if (doc.audience) facets.audience[doc.audience] = (facets.audience[doc.audience] ?? 0) + 1;
      if (searchOptions.product && !doc.products.includes(searchOptions.product)) continue;
      if (searchOptions.audience && doc.audience !== searchOptions.audience) continue;
      filtered.push(candidate);
    }

    // Snippets are the costliest part of a result and most callers read only a
    // page of them (the benchmark asks for 80 ids to judge copies at 8×), so each
    // is made when first read, and the term matcher only when a snippet is.
    let matcher: TermMatcher | undefined;
    const matcherFor = () =>
      (matcher ??= termMatcher(
        [...plan.terms.values()].filter((t) => !t.prefix).map((t) => t.term),
        [...plan.terms.values()].filter((t) => t.prefix).map((t) => t.term),
        analyzer,
      ));
    const results: SearchResult[] = filtered.slice(0, limit).map((candidate) => {
      const doc = docs[candidate.doc]!;
      let snippet: string | undefined;
      return {
        id: doc.id,
        score: Math.round(candidate.score * 1000) / 1000,
        title: doc.title,
        summary: doc.summary,
        url: doc.url,
        products: doc.products,
        ...(doc.audience ? { audience: doc.audience } : {}),
        get snippet() {
          return (snippet ??= makeSnippet(doc.body, doc.summary, matcherFor()));
        },
      };
    });
    const response: SearchResponse = { total: filtered.length, results, facets };
    if (signature) response.signature = { slug: signature.slug, captures: signature.captures };
    return response;
  }

  function retrieve(plan: QueryPlan): Retrieval {
    const terms = [...plan.terms.values()];
    const weights = new Map(terms.map((t) => [t.term, t.weight]));
    const prefixes = new Set(terms.filter((t) => t.prefix).map((t) => t.term));
    // Shares only mean "common" in a corpus big enough for postings to cost anything.
    const share = (term: string) => Math.max(0, (documentFrequency.get(term) ?? 0) - SMALL_POSTINGS) / total;
    const options = {
      boost: FIELD_BOOSTS,
      boostTerm: (term: string) => weights.get(term) ?? 1,
      prefix: (term: string) => prefixes.has(term),
      fuzzy: false as const,
    };
    // The more documents use a word, the less it says outside a title and the
    // more its postings cost, so common words (and stand-ins such as synonyms)
    // are looked up in fewer fields. Words most articles use: titles only; the
    // ranking checks the candidates' summaries for them.
    // Words nearly every article uses only refine the order of candidates the
    // other words found, unless there is nothing else to look for.
    const groups = new Map<readonly string[], string[]>();
    const checkedByRanking: Retrieval['checkedByRanking'] = [];
    const anchored = terms.some((t) => !t.prefix && share(t.term) <= VERY_COMMON_SHARE);
    for (const t of terms) {
      const fields = fieldsFor(t, share(t.term));
      const check = { term: t.term, weight: t.weight, idf: stats.idf(t.term) };
      if (anchored && !t.prefix && share(t.term) > VERY_COMMON_SHARE) {
        checkedByRanking.push({ ...check, inTitle: true });
        continue;
      }
      if (fields === TITLE_ONLY) checkedByRanking.push({ ...check, inTitle: false });
      const group = groups.get(fields) ?? [];
      group.push(t.term);
      groups.set(fields, group);
    }
    const queries = [...groups].map(([fields, group]) => ({
      ...options,
      fields: [...fields],
      queries: [group.join(' ')],
    }));
    return {
      results: engine.search({ combineWith: 'OR', queries }, options),
      checkedByRanking,
    };
  }

  return {
    search,
    get size() {
      return docs.length;
    },
  };
}

/** A recognised pasted error puts its article first, whatever the word scores say. */
function promoteSignature(
  ranked: Candidate[],
  signature: SignatureHit | undefined,
  positionOfId: Map<string, number>,
) {
  if (!signature) return;
  const doc = positionOfId.get(signature.slug);
  if (doc === undefined) return;
  const existing = ranked.findIndex((c) => c.doc === doc);
  const top = ranked[0]?.score ?? 0;
  const promoted: Candidate = { doc, score: top + 1 };
  if (existing >= 0) ranked.splice(existing, 1);
  ranked.unshift(promoted);
}

const NO_SYNONYMS = { equivalent: [], oneWay: {} };

/** Every text of a document an analyzer may learn from. */
function documentTexts(doc: SearchDocument): string[] {
  return [doc.title, doc.summary, ...doc.headings, ...doc.tags, doc.body];
}

function splitTerms(analysed: string): string[] {
  return analysed ? analysed.split(' ') : [];
}

/** Words of a URL path: `/articles/authorize-app-for-site` → "articles authorize app for site". */
function slugWords(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[/_-]+/g, ' ');
}
