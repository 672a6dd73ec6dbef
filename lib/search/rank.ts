import type { SearchResult as EngineResult } from 'minisearch';
import type { QueryPlan } from './query-plan';

/**
 * Greenlight's ranking on top of the engine's per-field BM25: the engine says
 * how strongly a document uses the query's words; this decides how much of
 * the *question* a document answers. A document that covers every concept
 * beats one that repeats a single word, a concept found in the title or
 * headings counts more than one buried in the body, and the title reading
 * like the query (same words, same order) wins outright.
 */

export const SEARCH_FIELDS = [
  'title',
  'headings',
  'summary',
  'tags',
  'slug',
  'errorSignatures',
  'body',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const FIELD_BOOSTS: Record<SearchField, number> = {
  title: 6,
  headings: 2,
  summary: 2.5,
  tags: 1.5,
  slug: 1.5,
  errorSignatures: 5,
  body: 1,
};

/** Fields that describe what an article is about, as opposed to mentioning a word. */
const ABOUT_FIELDS: ReadonlySet<string> = new Set(['title', 'slug', 'summary', 'errorSignatures']);

/** BM25 of one occurrence in a short field, per unit of idf (k=1.2, b=0.7, d=0.5). */
const BM25_SINGLE_HIT = 1.6;

const TUNING = {
  /** How sharply partial coverage of the query is punished. */
  coveragePower: 2,
  /** Extra weight for concepts found in about-fields. */
  aboutBonus: 1.5,
  /** Title contains every concept. */
  fullTitleBonus: 0.5,
  /** Each adjacent query pair found adjacent in the title. */
  titlePhraseBonus: 0.15,
  /** Candidates re-scored in detail. */
  maxCandidates: 100,
};

export interface DocumentFeatures {
  /** Content stems of the title, in order. */
  title: string[];
  summary: string[];
}

/**
 * Engine results, plus very common terms the engine did not look up everywhere:
 * the ranking checks them in the candidates' summaries (and titles, when
 * `inTitle`, i.e. the engine skipped them altogether).
 */
export interface Retrieval {
  results: EngineResult[];
  checkedByRanking: Array<{ term: string; weight: number; idf: number; inTitle: boolean }>;
}

export interface Candidate {
  doc: number;
  score: number;
}

export function rankCandidates(
  retrieval: Retrieval,
  plan: QueryPlan,
  features: DocumentFeatures[],
): Candidate[] {
  const engineResults = retrieval.results;
  const conceptCount = plan.concepts.length;
  const totalWeight = plan.concepts.reduce((sum, c) => sum + c.weight, 0) || 1;
  const prefixTerms = [...plan.terms.values()].filter((t) => t.prefix);
  const conceptsOfDerived = (derived: string): number[] => {
    const direct = plan.terms.get(derived);
    if (direct) return direct.concepts;
    const viaPrefix = prefixTerms.find((t) => derived.startsWith(t.term));
    return viaPrefix ? viaPrefix.concepts : [];
  };

  // Engine scores multiply by the number of matched query terms; synonyms and
  // typo fixes would inflate that, so we undo it and measure coverage ourselves.
  // The engine's own order (which already favours documents matching more
  // terms) is good enough to pick the candidates worth a closer look.
  const pre = engineResults
    .slice(0, TUNING.maxCandidates)
    .map((r) => ({ r, base: r.score / Math.max(1, r.queryTerms.length) }));

  const out: Candidate[] = [];
  const matchedWeight = new Float64Array(conceptCount);
  const aboutWeight = new Float64Array(conceptCount);
  for (const { r, base } of pre) {
    matchedWeight.fill(0);
    aboutWeight.fill(0);
    for (const [derived, fields] of Object.entries(r.match)) {
      const about = fields.some((f) => ABOUT_FIELDS.has(f));
      for (const c of conceptsOfDerived(derived)) {
        const w = plan.concepts[c]!.weight;
        matchedWeight[c] = w;
        if (about) aboutWeight[c] = w;
      }
    }
    const feature = features[r.id as number]!;
    let extra = 0;
    for (const checked of retrieval.checkedByRanking) {
      const field =
        checked.inTitle && feature.title.includes(checked.term)
          ? 'title'
          : feature.summary.includes(checked.term)
            ? 'summary'
            : undefined;
      if (!field) continue;
      // roughly what BM25 gives a single occurrence in a short field
      extra += checked.weight * checked.idf * BM25_SINGLE_HIT * FIELD_BOOSTS[field];
      for (const c of plan.terms.get(checked.term)?.concepts ?? []) {
        const w = plan.concepts[c]!.weight;
        matchedWeight[c] = w;
        aboutWeight[c] = w;
      }
    }
    let covered = 0;
    let coveredAbout = 0;
    for (let c = 0; c < conceptCount; c++) {
      covered += matchedWeight[c]!;
      coveredAbout += aboutWeight[c]!;
    }
    const coverage = covered / totalWeight;
    const aboutCoverage = coveredAbout / totalWeight;
    let score =
      (base + extra) * Math.pow(coverage, TUNING.coveragePower) * (1 + TUNING.aboutBonus * aboutCoverage);
    score *= 1 + titleBonus(feature.title, plan);
    out.push({ doc: r.id as number, score });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Title made of the query's words (in order) reads as the answer to it. */
function titleBonus(title: string[], plan: QueryPlan): number {
  if (title.length === 0 || plan.concepts.length === 0) return 0;
  const titleSet = new Set(title);
  const exactIn = plan.concepts.filter((c) => titleSet.has(c.stem)).length;
  let bonus = 0;
  if (exactIn === plan.concepts.length) bonus += TUNING.fullTitleBonus * (exactIn === titleSet.size ? 2 : 1);
  const seq = plan.sequence;
  for (let i = 0; i + 1 < seq.length; i++) {
    const at = title.indexOf(seq[i]!);
    if (at >= 0 && title[at + 1] === seq[i + 1]) bonus += TUNING.titlePhraseBonus;
  }
  return bonus;
}
