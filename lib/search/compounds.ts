/**
 * Splits German compounds into words the corpus uses on their own ("datensicherheitsrichtlinie" →
 * daten · sicherheit · richtlinie), after Koehn & Knight (2003): of every way to cut the word into
 * two or more known words, with the linking letters German puts between them
 * ("sicherheit-s-richtlinie"), take the one whose parts are most frequent (geometric mean of their
 * counts). Unlike for translation, the word is never kept whole instead: the index keeps it and
 * adds the parts beside it, so a frequent compound still answers a search for its parts.
 * Greenlight's own: no maintained npm package splits German compounds; the lexicon is the corpus's
 * vocabulary (see lib/search/README.md for the measurement against a full German lexicon).
 */

/** Letters German inserts between the parts of a compound (Fugenelemente), longest first. */
const LINKERS = ['ens', 'es', 'en', 'er', 's', 'n', 'e'] as const;
const MIN_PART = 3;
const MAX_PARTS = 4;
/** Words shorter than this are never split. */
const MIN_COMPOUND = 7;

export interface CompoundLexicon {
  /** How often a (folded) word occurs on its own; 0 when unknown. */
  count(word: string): number;
}

export interface CompoundSplitterOptions {
  /** A part must occur at least this often on its own. */
  minCount?: number;
  /** Words that are never parts (articles, prepositions: "ein", "den", "die"). */
  isStopWord?: (word: string) => boolean;
}

export class CompoundSplitter {
  private readonly cache = new Map<string, string[] | null>();
  private readonly minCount: number;
  private readonly isStopWord: (word: string) => boolean;

  constructor(
    private readonly lexicon: CompoundLexicon,
    options: CompoundSplitterOptions = {},
  ) {
    this.minCount = options.minCount ?? 2;
    this.isStopWord = options.isStopWord ?? (() => false);
  }

  /** The parts of `word` (folded, lower case), or undefined when it is best left whole. */
  split(word: string): string[] | undefined {
    if (word.length < MIN_COMPOUND || /\d/.test(word)) return undefined;
    let parts = this.cache.get(word);
    if (parts === undefined) {
      parts = this.best(word);
      this.cache.set(word, parts);
    }
    return parts ?? undefined;
  }

  private known(part: string): number {
    if (part.length < MIN_PART || this.isStopWord(part)) return 0;
    const n = this.lexicon.count(part);
    return n >= this.minCount ? n : 0;
  }

  private best(word: string): string[] | null {
    // best[i]: the best split of word.slice(i) as [sum of log counts, parts]; undefined when none.
    const n = word.length;
    const best: Array<{ logSum: number; parts: string[] } | undefined> = new Array(n + 1);
    best[n] = { logSum: 0, parts: [] };
    for (let i = n - MIN_PART; i >= 0; i--) {
      let winner: { logSum: number; parts: string[] } | undefined;
      for (let end = i + MIN_PART; end <= n; end++) {
        const part = word.slice(i, end);
        if (i === 0 && end >= n - 3) break; // the word itself, or it with an inflection
        const count = this.known(part);
        if (count === 0) continue;
        // the part, then optionally a linking element, then the rest
        const nexts = [end, ...LINKERS.filter((l) => word.startsWith(l, end)).map((l) => end + l.length)];
        for (const next of nexts) {
          const rest = best[next];
          // (a linking element at the very end is the head's inflection: "…richtlinie-n")
          if (!rest || rest.parts.length + 1 > MAX_PARTS) continue;
          const candidate = { logSum: rest.logSum + Math.log(count), parts: [part, ...rest.parts] };
          if (!winner || mean(candidate) > mean(winner)) winner = candidate;
        }
      }
      best[i] = winner;
    }
    const split = best[0];
    return split && split.parts.length >= 2 ? split.parts : null;
  }
}

function mean(split: { logSum: number; parts: string[] }): number {
  return split.logSum / split.parts.length;
}
