import { describe, expect, it } from 'vitest';
import { collapseCopies, ndcg, percentile, recall, reciprocalRank, successAt1 } from './metrics';

const judged = { a: 2, b: 1, c: 2 };

describe('ranking metrics', () => {
  it('reciprocal rank counts only grade-2 documents within the cut-off', () => {
    expect(reciprocalRank(['b', 'x', 'c'], judged)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['b', 'x'], judged)).toBe(0);
    expect(reciprocalRank(['x', 'a'], judged, 1)).toBe(0);
  });

  it('nDCG is 1 for the ideal order and uses gain 2^grade - 1', () => {
    expect(ndcg(['a', 'c', 'b'], judged)).toBeCloseTo(1);
    const dcg = 1 / Math.log2(2) + 3 / Math.log2(3);
    const ideal = 3 + 3 / Math.log2(3) + 1 / Math.log2(4);
    expect(ndcg(['b', 'a'], judged)).toBeCloseTo(dcg / ideal);
  });

  it('recall counts any judged document, success@1 only an answer on top', () => {
    expect(recall(['a', 'b', 'x'], judged)).toBeCloseTo(2 / 3);
    expect(successAt1(['a'], judged)).toBe(1);
    expect(successAt1(['b', 'a'], judged)).toBe(0);
  });

  it('percentiles by nearest rank; copies collapse to their original', () => {
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100], 0.95)).toBe(
      19,
    );
    expect(collapseCopies(['a', 'a~1', 'b~3', 'b'])).toEqual(['a', 'b']);
  });
});
