import table from './synonyms.json';
import { isStopWord, stem, words } from './analyze';

/**
 * Greenlight's domain synonym table (data in synonyms.json), compiled to a
 * phrase matcher over stemmed words. Phrases are looked up before stop words
 * are dropped so that "log in", "kick out" and "cut off" keep their meaning.
 */

export interface SynonymTable {
  equivalent: string[][];
  oneWay: Record<string, string[]>;
}

interface PhraseRule {
  stems: string[];
  /** Content terms (stemmed, no stop words) of each alternative phrase. */
  alternatives: string[][];
}

export interface SynonymHit {
  start: number;
  /** Exclusive. */
  end: number;
  alternatives: string[][];
}

export class SynonymMatcher {
  private readonly rulesByFirstStem = new Map<string, PhraseRule[]>();

  constructor(synonyms: SynonymTable) {
    const alternativesOf = new Map<string, Set<string>>();
    const link = (from: string, to: string) => {
      const key = phraseKey(from);
      if (!key || phraseKey(to) === key) return;
      let set = alternativesOf.get(key);
      if (!set) alternativesOf.set(key, (set = new Set()));
      set.add(to);
    };
    for (const group of synonyms.equivalent) for (const a of group) for (const b of group) link(a, b);
    for (const [from, targets] of Object.entries(synonyms.oneWay)) {
      if (from.startsWith('$')) continue;
      for (const to of targets) link(from, to);
    }
    for (const [key, targets] of alternativesOf) {
      const stems = key.split(' ');
      const alternatives = [...targets]
        .filter((phrase) => !collapses(phrase))
        .map(contentTerms)
        .filter((t) => t.length > 0);
      if (alternatives.length === 0) continue;
      const first = stems[0]!;
      const rules = this.rulesByFirstStem.get(first) ?? [];
      rules.push({ stems, alternatives });
      rules.sort((a, b) => b.stems.length - a.stems.length);
      this.rulesByFirstStem.set(first, rules);
    }
  }

  /** Every rule that matches at each position (a word may start several phrases). */
  find(queryStems: string[]): SynonymHit[] {
    const hits: SynonymHit[] = [];
    for (let i = 0; i < queryStems.length; i++) {
      for (const rule of this.rulesByFirstStem.get(queryStems[i]!) ?? []) {
        const end = i + rule.stems.length;
        if (end > queryStems.length) continue;
        if (rule.stems.every((s, k) => queryStems[i + k] === s))
          hits.push({ start: i, end, alternatives: rule.alternatives });
      }
    }
    return hits;
  }
}

function phraseKey(phrase: string): string {
  return words(phrase).map(stem).join(' ');
}

/**
 * The index drops stop words, so "add-on", "log in", "time out" or "hand over"
 * reach it as one everyday word ("add", "log", "time", "hand") that means
 * something else there; as a stand-in such a phrase finds the wrong articles.
 * One-word forms ("addon", "login", "timeout") still count.
 */
function collapses(phrase: string): boolean {
  return words(phrase).length > 1 && contentTerms(phrase).length === 1;
}

function contentTerms(phrase: string): string[] {
  return words(phrase)
    .filter((w) => w.length > 1 && !isStopWord(w))
    .map(stem);
}

let defaultMatcher: SynonymMatcher | undefined;

export function defaultSynonyms(): SynonymMatcher {
  return (defaultMatcher ??= new SynonymMatcher(table as SynonymTable));
}
