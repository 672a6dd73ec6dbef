import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import { createSearchIndex } from '@/lib/search';
import { SynonymMatcher } from '@/lib/search/synonyms';
import type { SearchDocument } from '@/lib/search/types';

/**
 * The engines compared in the search benchmark, each configured the way a
 * popular docs framework ships it, so the comparison is against what a team
 * would get by default. Every engine sees the same documents.
 */

export interface BenchEngine {
  name: string;
  /** Tolerates typos (affects which latency target applies). */
  typoTolerant: boolean;
  build(docs: SearchDocument[]): BuiltEngine | Promise<BuiltEngine>;
}

export interface BuiltEngine {
  /** Ranked document ids. */
  search(query: string, limit: number): string[] | Promise<string[]>;
}

/** Results per page in the API (and so snippets made per query). */
const PAGE_SIZE = 10;

export const greenlight: BenchEngine = {
  name: 'Greenlight',
  typoTolerant: true,
  build(docs) {
    const index = createSearchIndex(docs);
    return {
      search(query, limit) {
        const results = index.search(query, { limit }).results;
        // Time what the API answers: a page of results with their snippets (made when read).
        for (const result of results.slice(0, PAGE_SIZE)) void result.snippet;
        return results.map((r) => r.id);
      },
    };
  },
};

/**
 * Ablation: the same ranking without the hand-kept domain synonym table, i.e.
 * what the general methods alone do on the benchmark (`--ablation`).
 */
export const greenlightGeneralOnly: BenchEngine = {
  name: 'Greenlight without the domain synonym table',
  typoTolerant: true,
  build(docs) {
    const index = createSearchIndex(docs, { synonyms: new SynonymMatcher({ equivalent: [], oneWay: {} }) });
    return {
      search(query, limit) {
        const results = index.search(query, { limit }).results;
        for (const result of results.slice(0, PAGE_SIZE)) void result.snippet;
        return results.map((r) => r.id);
      },
    };
  },
};

/** VitePress local search: MiniSearch, fuzzy 0.2, prefix, title boost 4. */
const minisearchVitePress: BenchEngine = {
  name: 'MiniSearch (VitePress)',
  typoTolerant: true,
  build(docs) {
    const index = new MiniSearch<{ id: number; title: string; titles: string; text: string }>({
      fields: ['title', 'titles', 'text'],
      storeFields: [],
      searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 4, text: 2, titles: 1 } },
    });
    index.addAll(
      docs.map((d, id) => ({
        id,
        title: d.title,
        titles: d.headings.join('\n'),
        text: `${d.summary}\n${d.body}`,
      })),
    );
    return {
      search: (query, limit) =>
        index
          .search(query)
          .slice(0, limit)
          .map((r) => docs[r.id as number]!.id),
    };
  },
};

/** Fumadocs built-in search: Orama, tolerance 1, title boost 2. */
const oramaFumadocs: BenchEngine = {
  name: 'Orama (Fumadocs)',
  typoTolerant: true,
  async build(docs) {
    const db = create({
      schema: { key: 'string', title: 'string', headings: 'string', content: 'string' } as const,
    });
    await insertMultiple(
      db,
      docs.map((d) => ({
        key: d.id,
        title: d.title,
        headings: d.headings.join('\n'),
        content: `${d.summary}\n${d.body}`,
      })),
      500,
    );
    return {
      async search(query, limit) {
        const found = await oramaSearch(db, {
          term: query,
          tolerance: 1,
          boost: { title: 2 },
          properties: ['title', 'headings', 'content'],
          limit,
        });
        return found.hits.map((h) => (h.document as { key: string }).key);
      },
    };
  },
};

/** Nextra search: FlexSearch Document, forward tokenizer, contextual index; title hits first. */
const flexsearchNextra: BenchEngine = {
  name: 'FlexSearch (Nextra)',
  typoTolerant: false,
  build(docs) {
    const index = new FlexSearch.Document({
      tokenize: 'forward',
      context: { resolution: 9, depth: 2, bidirectional: true },
      document: { id: 'id', index: ['title', 'content'] },
    });
    docs.forEach((d, id) =>
      index.add({ id, title: d.title, content: `${d.headings.join('\n')}\n${d.summary}\n${d.body}` }),
    );
    return {
      search(query, limit) {
        const byField = index.search(query, { limit, suggest: true }) as Array<{
          field: string;
          result: number[];
        }>;
        const ordered: string[] = [];
        const seen = new Set<number>();
        for (const field of ['title', 'content']) {
          for (const id of byField.find((f) => f.field === field)?.result ?? []) {
            if (seen.has(id)) continue;
            seen.add(id);
            ordered.push(docs[id]!.id);
          }
        }
        return ordered.slice(0, limit);
      },
    };
  },
};

/** Lunr (as in many static-site themes): title boost 10, trailing wildcard, edit distance 1 on longer terms. */
const lunrDefault: BenchEngine = {
  name: 'Lunr',
  typoTolerant: true,
  build(docs) {
    const index = lunr(function () {
      this.ref('i');
      this.field('title', { boost: 10 });
      this.field('body');
      docs.forEach((d, i) =>
        this.add({ i: String(i), title: d.title, body: `${d.headings.join('\n')}\n${d.summary}\n${d.body}` }),
      );
    });
    return {
      search(query, limit) {
        // Lunr's query characters (* ~ ^ : + -) inside pasted text would be read as operators.
        const tokens = lunr
          .tokenizer(query)
          .map((t) =>
            t
              .toString()
              .toLowerCase()
              .replace(/[*~^:+-]/g, ''),
          )
          .filter(Boolean);
        const run = (wildcards: boolean) =>
          index.query((q) => {
            for (const token of tokens) {
              q.term(token, { boost: 10 });
              if (wildcards)
                q.term(token, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false, boost: 2 });
              if (token.length > 4) q.term(token, { editDistance: 1, usePipeline: false, boost: 1 });
            }
          });
        let results: lunr.Index.Result[];
        try {
          results = run(true);
        } catch {
          // lunr 2.3.9 can throw on some wildcard expansions ("repo*"); retry without them
          results = run(false);
        }
        return results.slice(0, limit).map((r) => docs[Number(r.ref)]!.id);
      },
    };
  },
};

export const ENGINES: BenchEngine[] = [
  greenlight,
  minisearchVitePress,
  oramaFumadocs,
  flexsearchNextra,
  lunrDefault,
];
