import type { Analyzer } from './analyzer';
import { cleanQuery } from './query-noise';
import type { SynonymMatcher } from './synonyms';
import type { Vocabulary } from './typo';

/**
 * Turns what the user typed into weighted engine terms grouped by "concept"
 * (one content word of the query and everything that may stand in for it).
 * Greenlight's own: the engine only sees terms and weights; which variant is
 * exact, a synonym or a typo fix, and which words belong together, lives here.
 */

const VARIANT_WEIGHT = {
  exact: 1,
  compound: 0.85,
  typo1: 0.8,
  typo2: 0.65,
  synonym: 0.75,
  synonymPart: 0.45,
  prefix: 0.7,
} as const;

/** A known word this short may still be the start of a longer one ("repo", "auth"). */
const PREFIX_MAX_KNOWN_LENGTH = 4;
/** Long pastes are cut to their most informative words. */
const MAX_CONCEPTS = 24;

export interface Concept {
  stem: string;
  /** Position in the query, for phrase checks. */
  position: number;
  /** Rarity weight (idf); rarer words decide more. */
  weight: number;
}

export interface PlannedTerm {
  term: string;
  weight: number;
  /** Looked up as a prefix (the word being typed). */
  prefix: boolean;
  /** A word the user wrote, as opposed to a synonym, typo fix or compound part. */
  exact: boolean;
  concepts: number[];
}

export interface QueryPlan {
  concepts: Concept[];
  terms: Map<string, PlannedTerm>;
  pasted: boolean;
  /** Stems of the content words in order (before pruning), for phrase and title checks. */
  sequence: string[];
}

export interface TermStatistics {
  /** Stem known to the index. */
  hasTerm(stem: string): boolean;
  idf(stem: string): number;
  vocabulary: Vocabulary;
  synonyms: SynonymMatcher;
  analyzer: Analyzer;
  /** Parts of an unknown compound ("codeowners", "Sicherheitsrichtlinie"), folded; undefined if none. */
  split(word: string): readonly string[] | undefined;
}

export function planQuery(raw: string, stats: TermStatistics): QueryPlan {
  const { analyzer } = stats;
  const { stem, isStopWord, minWordLength } = analyzer;
  const noiseless = cleanQuery(raw);
  // A person's sentence is planned on what it asks about; machine output is left whole.
  const cleaned = noiseless.machineText ? noiseless : sentencePlan(noiseless.text, analyzer);
  const all = analyzer.words(cleaned.text);
  const stems = all.map(stem);
  const typing = !cleaned.pasted && !/\s$/.test(raw);
  const concepts: Concept[] = [];
  const terms = new Map<string, PlannedTerm>();
  const conceptAt = new Map<number, number>();

  const addTerm = (term: string, weight: number, concept: number, prefix = false) => {
    if (!term) return;
    const exact = weight === VARIANT_WEIGHT.exact;
    const existing = terms.get(term);
    if (existing) {
      existing.weight = Math.max(existing.weight, weight);
      existing.prefix ||= prefix;
      existing.exact ||= exact;
      if (!existing.concepts.includes(concept)) existing.concepts.push(concept);
    } else terms.set(term, { term, weight, prefix, exact, concepts: [concept] });
  };

  const seen = new Set<string>();
  let lastContent = -1;
  all.forEach((word, i) => {
    if (word.length < minWordLength || isStopWord(word)) return;
    lastContent = i;
  });
  all.forEach((word, i) => {
    if (word.length < minWordLength || isStopWord(word)) return;
    const s = stems[i]!;
    if (seen.has(s)) {
      const first = concepts.findIndex((c) => c.stem === s);
      if (first >= 0) conceptAt.set(i, first);
      return;
    }
    seen.add(s);
    const index = concepts.length;
    const known = stats.hasTerm(s);
    let weight = known ? stats.idf(s) : 0;
    concepts.push({ stem: s, position: i, weight });
    conceptAt.set(i, index);
    if (known) addTerm(s, VARIANT_WEIGHT.exact, index);
    // Only a word that is not yet a known term (or is very short) reads as unfinished.
    if (
      typing &&
      i === lastContent &&
      word.length >= analyzer.minPrefixLength &&
      (!known || word.length <= PREFIX_MAX_KNOWN_LENGTH)
    ) {
      addTerm(word, VARIANT_WEIGHT.prefix, index, true);
      weight = Math.max(weight, 1);
    }
    // A language that splits compounds in the index (German) splits known ones in queries too:
    // "Sicherheitsrichtlinie" also finds the articles that say "Datensicherheitsrichtlinie".
    const indexedParts = known && analyzer.compoundParts?.(word);
    if (indexedParts) {
      for (const part of indexedParts) {
        const p = stem(part);
        if (stats.hasTerm(p)) addTerm(p, VARIANT_WEIGHT.compound, index);
      }
    }
    if (!known && !cleaned.pasted) {
      const parts = stats.split(word);
      if (parts) {
        for (const part of parts) addTerm(stem(part), VARIANT_WEIGHT.compound, index);
        weight = Math.max(weight, ...parts.map((p) => stats.idf(stem(p))));
      } else if (analyzer.typoTolerance) {
        for (const fix of stats.vocabulary.correct(word)) {
          const fixed = stem(fix.word);
          if (!stats.hasTerm(fixed)) continue;
          addTerm(fixed, fix.distance === 1 ? VARIANT_WEIGHT.typo1 : VARIANT_WEIGHT.typo2, index);
          weight = Math.max(weight, stats.idf(fixed));
        }
      }
    }
    concepts[index]!.weight = weight;
  });

  // Errors and logs use the product's own words; synonyms of every word in a
  // long paste only add postings to scan and off-topic matches.
  const hits = cleaned.machineText ? [] : stats.synonyms.find(stems);
  for (const hit of hits) {
    const covered: number[] = [];
    for (let i = hit.start; i < hit.end; i++) {
      const c = conceptAt.get(i);
      if (c !== undefined && !covered.includes(c)) covered.push(c);
    }
    if (covered.length === 0) continue;
    for (const alternative of hit.alternatives) {
      const weight = alternative.length === 1 ? VARIANT_WEIGHT.synonym : VARIANT_WEIGHT.synonymPart;
      for (const term of alternative) {
        if (!stats.hasTerm(term)) continue;
        for (const c of covered) {
          addTerm(term, weight, c);
          // a concept the corpus never uses is still worth its synonyms
          if (concepts[c]!.weight === 0) concepts[c]!.weight = stats.idf(term) * weight;
        }
      }
    }
  }

  const sequence = concepts.map((c) => c.stem);
  return prune({ concepts, terms, pasted: cleaned.pasted, sequence });
}

/** Long questions are still typed by a person: typo tolerance stays on unless the reduced text is long. */
function sentencePlan(text: string, analyzer: Analyzer) {
  const reduced = analyzer.reduceQuestion(text);
  const wordCount = (reduced.match(/[a-z]{2,}/gi) ?? []).length;
  return { text: reduced, pasted: wordCount > 12, machineText: false };
}

/** Drops concepts nothing can match and, for long pastes, the most common words. */
function prune(plan: QueryPlan): QueryPlan {
  const keep = plan.concepts
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.weight > 0)
    .sort((a, b) => b.c.weight - a.c.weight)
    .slice(0, MAX_CONCEPTS)
    .sort((a, b) => a.i - b.i);
  const renumber = new Map(keep.map(({ i }, k) => [i, k]));
  const terms = new Map<string, PlannedTerm>();
  for (const t of plan.terms.values()) {
    const concepts = t.concepts.flatMap((c) => {
      const k = renumber.get(c);
      return k === undefined ? [] : [k];
    });
    if (concepts.length > 0) terms.set(t.term, { ...t, concepts });
  }
  return { ...plan, concepts: keep.map(({ c }) => c), terms };
}
