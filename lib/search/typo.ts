/**
 * Typo tolerance over the corpus vocabulary. Greenlight's own rather than the
 * engine's fuzzy search because (1) transpositions ("chnage", "ouath") count as
 * one edit here (Damerau), not two, (2) only words the index does not know are
 * corrected, so correct words never pay for fuzzy expansion, and (3) the
 * allowed distance scales with length: none up to 3 letters, 1 up to 7, then 2.
 */

export function maxEditsFor(word: string): number {
  if (word.length <= 3) return 0;
  if (word.length <= 7) return 1;
  return 2;
}

export interface Correction {
  word: string;
  distance: number;
}

interface Entry {
  word: string;
  count: number;
}

/** Words seen fewer times are likely typos or ids themselves. */
const MIN_COUNT = 2;
/** A correction must be at least this common relative to the best one at its distance. */
const RELATIVE_COUNT = 0.05;
const MAX_CORRECTIONS = 3;

export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private index: DeletionIndex | undefined;

  add(word: string): void {
    this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    this.index = undefined;
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /** Builds the correction index now rather than on the first query. */
  prepare(): void {
    this.deletionIndex();
  }

  /** Closest known words within the length-scaled edit budget, best first. */
  correct(word: string): Correction[] {
    const maxEdits = maxEditsFor(word);
    if (maxEdits === 0) return [];
    const index = this.deletionIndex();
    const found: Array<Correction & { count: number }> = [];
    for (const entry of index.candidates(word, maxEdits)) {
      const distance = boundedDamerau(word, entry.word, maxEdits);
      if (distance > 0 && distance <= maxEdits)
        found.push({ word: entry.word, distance, count: entry.count });
    }
    if (found.length === 0) return [];
    const nearest = Math.min(...found.map((c) => c.distance));
    const atNearest = found
      .filter((c) => c.distance === nearest)
      .sort((a, b) => b.count - a.count || a.word.length - b.word.length);
    const top = atNearest[0]!.count;
    return atNearest
      .filter((c) => c.count >= top * RELATIVE_COUNT)
      .slice(0, MAX_CORRECTIONS)
      .map(({ word: w, distance }) => ({ word: w, distance }));
  }

  /** Splits an unknown compound ("codeowners") into two known words. */
  split(word: string): [string, string] | undefined {
    let best: [string, string] | undefined;
    let bestCount = 0;
    for (let i = 3; i <= word.length - 3; i++) {
      const left = word.slice(0, i);
      const right = word.slice(i);
      const count = Math.min(this.count(left), this.count(right));
      if (count >= MIN_COUNT && count > bestCount) [best, bestCount] = [[left, right], count];
    }
    return best;
  }

  private deletionIndex(): DeletionIndex {
    if (this.index) return this.index;
    const entries: Entry[] = [];
    for (const [word, count] of this.counts) {
      if (count < MIN_COUNT || word.length < 3 || /\d/.test(word)) continue;
      entries.push({ word, count });
    }
    this.index = new DeletionIndex(entries);
    return this.index;
  }
}

/**
 * SymSpell-style deletion index: every vocabulary word is filed under each
 * string its letter deletions reach, so a lookup generates the query word's
 * own deletions instead of comparing it with the whole vocabulary. Two words
 * within edit distance k (insertions, deletions, substitutions, adjacent
 * transpositions) always share a string reachable by at most k deletions from
 * each, so the candidates include every word within the bound; Damerau then
 * confirms the distance.
 */
export class DeletionIndex {
  private readonly byDeletion = new Map<string, number | number[]>();

  constructor(private readonly entries: readonly Entry[]) {
    entries.forEach((entry, i) => {
      for (const key of deletions(entry.word, maxDeletionsIndexed(entry.word))) {
        const at = this.byDeletion.get(key);
        if (at === undefined) this.byDeletion.set(key, i);
        else if (typeof at === 'number') this.byDeletion.set(key, [at, i]);
        else at.push(i);
      }
    });
  }

  /** Words that may lie within `maxEdits` of `word` (a superset; confirm with a distance). */
  candidates(word: string, maxEdits: number): Entry[] {
    const seen = new Set<number>();
    for (const key of deletions(word, maxEdits)) {
      const at = this.byDeletion.get(key);
      if (at === undefined) continue;
      if (typeof at === 'number') seen.add(at);
      else for (const i of at) seen.add(i);
    }
    const out: Entry[] = [];
    // vocabulary order, so that ties between equally common words break the same way every time
    for (const i of [...seen].sort((a, b) => a - b)) {
      const entry = this.entries[i]!;
      if (Math.abs(entry.word.length - word.length) <= maxEdits) out.push(entry);
    }
    return out;
  }
}

/**
 * A word only corrects query words within the budget of its length, so it
 * needs as many deletions as the largest budget among those: a query word of
 * 8+ letters (budget 2) is never within 2 edits of a word under 6 letters.
 */
function maxDeletionsIndexed(word: string): number {
  return word.length >= 6 ? 2 : 1;
}

/** The word and every string reachable from it by deleting up to `max` letters. */
export function deletions(word: string, max: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < max; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Optimal-string-alignment distance; returns max + 1 as soon as it must exceed max. */
export function boundedDamerau(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let row = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length]!;
}
