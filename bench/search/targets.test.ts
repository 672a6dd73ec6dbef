import { describe, expect, it } from 'vitest';
import { checkTargets, type EngineFigures } from './targets';

function row(over: Partial<EngineFigures>): EngineFigures {
  return {
    engine: 'Greenlight',
    typoTolerant: true,
    set: 'frozen',
    scale: 1,
    docs: 100,
    queries: 10,
    mrr: 0.8,
    ndcg: 0.8,
    recall: 0.8,
    success1: 0.7,
    mrrByKind: { error: 0.9, typo: 0.9, synonym: 0.5, question: 0.6, keyword: 0.9 },
    p50: 1,
    p95: 2,
    cpuP50: 1,
    cpuP95: 2,
    times: [1, 2],
    cpuTimes: [1, 2],
    buildMs: 1,
    heapMb: 1,
    ...over,
  };
}

const texts = (rows: EngineFigures[]) => checkTargets(rows).map((t) => t.text);

describe('search targets', () => {
  it('holds the frozen set to its own bars and to 1.4 × the best peer on the same set', () => {
    const peer = row({ engine: 'Lunr', mrr: 0.6, mrrByKind: { error: 0.5, typo: 0.95, synonym: 0.1 } });
    const lines = texts([row({}), peer]);
    expect(lines).toContain('frozen MRR@10 0.800 ≥ 0.72: met');
    expect(lines.find((l) => l.includes('1.4 × best peer'))).toMatch(/Lunr 0\.600 → 0\.840.*MISSED$/);
    expect(lines).toContain('frozen typo 0.90 ≥ best peer 0.95: MISSED');
    expect(lines).toContain('frozen synonym 0.50 ≥ 0.45: met');
  });

  it('asks only the floor of the dev set, and p95 of every set and of all queries pooled at the largest scale', () => {
    const lines = texts([
      row({ set: 'dev', mrr: 0.79 }),
      row({ set: 'dev', scale: 8, p95: 4, times: [1, 4] }),
      row({ set: 'frozen', scale: 8, p95: 4.5, times: [6, 1] }),
    ]);
    expect(lines).toContain('dev MRR@10 0.790 ≥ 0.8: MISSED');
    expect(lines.some((l) => l.startsWith('dev p95 4.00 ms') && l.endsWith('met'))).toBe(true);
    expect(lines.find((l) => l.startsWith('all 4 queries'))).toMatch(/p95 6\.00 ms.*MISSED$/);
  });
});
