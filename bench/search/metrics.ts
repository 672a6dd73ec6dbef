/**
 * Ranking metrics over judged queries. Grades: 2 answers the query, 1 is
 * partly relevant. Pure functions so they can be unit-tested.
 */

export type Judgements = Record<string, number>;

/** 1/rank of the first grade-2 document within the top k, else 0. */
export function reciprocalRank(ranked: string[], judged: Judgements, k = 10): number {
  const at = ranked.slice(0, k).findIndex((id) => judged[id] === 2);
  return at < 0 ? 0 : 1 / (at + 1);
}

/** nDCG@k with gain 2^grade − 1 and log2(rank + 1) discount. */
export function ndcg(ranked: string[], judged: Judgements, k = 10): number {
  const dcg = (grades: number[]) =>
    grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(judged).sort((a, b) => b - a));
  if (ideal === 0) return 0;
  return dcg(ranked.map((id) => judged[id] ?? 0)) / ideal;
}

/** Share of judged documents (any grade > 0) found in the top k. */
export function recall(ranked: string[], judged: Judgements, k = 10): number {
  const relevant = Object.keys(judged).filter((id) => (judged[id] ?? 0) > 0);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/** 1 when the first result answers the query (grade 2). */
export function successAt1(ranked: string[], judged: Judgements): number {
  return ranked.length > 0 && judged[ranked[0]!] === 2 ? 1 : 0;
}

/** Value at quantile q (0..1) by nearest rank. */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: number[]): number {
  return percentile(values, 0.5);
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Copies made for scale tests (`id~k`) count as their original, once. */
export function collapseCopies(ranked: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ranked) {
    const base = id.replace(/~\d+$/, '');
    if (!seen.has(base)) {
      seen.add(base);
      out.push(base);
    }
  }
  return out;
}
