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
  mask: number;
}

/** Words seen fewer times are likely typos or ids themselves. */
const MIN_COUNT = 2;
/** A correction must be at least this common relative to the best one at its distance. */
const RELATIVE_COUNT = 0.05;
const MAX_CORRECTIONS = 3;

export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private byLength: Entry[][] | undefined;

  add(word: string): void {
    this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    this.byLength = undefined;
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /** Closest known words within the length-scaled edit budget, best first. */
  correct(word: string): Correction[] {
    const maxEdits = maxEditsFor(word);
    if (maxEdits === 0) return [];
    const buckets = this.buckets();
    const mask = letterMask(word);
    const found: Array<Correction & { count: number }> = [];
    for (let len = word.length - maxEdits; len <= word.length + maxEdits; len++) {
      for (const entry of buckets[len] ?? []) {
        if (popcount(mask ^ entry.mask) > 2 * maxEdits) continue;
        const distance = boundedDamerau(word, entry.word, maxEdits);
        if (distance > 0 && distance <= maxEdits) found.push({ word: entry.word, distance, count: entry.count });
      }
    }
    if (found.length === 0) return [];
    const nearest = Math.min(...found.map((c) => c.distance));
    const atNearest = found.filter((c) => c.distance === nearest).sort((a, b) => b.count - a.count);
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

  private buckets(): Entry[][] {
    if (this.byLength) return this.byLength;
    const buckets: Entry[][] = [];
    for (const [word, count] of this.counts) {
      if (count < MIN_COUNT || word.length < 3 || /\d/.test(word)) continue;
      (buckets[word.length] ??= []).push({ word, count, mask: letterMask(word) });
    }
    this.byLength = buckets;
    return buckets;
  }
}

function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 5));
  }
  return mask;
}

function popcount(n: number): number {
  let count = 0;
  while (n) {
    n &= n - 1;
    count++;
  }
  return count;
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
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length]!;
}
