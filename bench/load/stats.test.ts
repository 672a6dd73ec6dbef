import { describe, expect, it } from 'vitest';
import { figuresFrom, formatLoadTable, missedTargets, ratio, type AutocannonResult } from './stats';

const result = (overrides: Partial<AutocannonResult> = {}): AutocannonResult => ({
  requests: { average: 1000, total: 20_000 },
  latency: { p50: 10, p99: 30 },
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  ...overrides,
});

describe('ratio', () => {
  it('divides by the baseline', () => {
    expect(ratio(500, 2000)).toBe(0.25);
  });
  it('is 0 without a baseline rather than Infinity', () => {
    expect(ratio(500, 0)).toBe(0);
  });
});

describe('missedTargets', () => {
  it('is empty when every run is clean and fast enough', () => {
    expect(missedTargets([figuresFrom('search', result())], [{ route: 'search', maxP99Ms: 50 }])).toEqual([]);
  });

  it('names slow routes, errors and unexpected statuses', () => {
    const missed = missedTargets(
      [
        figuresFrom('search', result({ latency: { p50: 20, p99: 80 } })),
        figuresFrom('me', result({ errors: 2, non2xx: 5 })),
        figuresFrom('article', result({ latency: { p50: 20, p99: 900 } })),
      ],
      [
        { route: 'search', maxP99Ms: 50 },
        { route: 'me', maxP99Ms: 50 },
      ],
    );
    expect(missed).toEqual([
      'search: p99 80 ms > 50 ms',
      'me: 2 errors (0 of them timeouts)',
      'me: 5 unexpected statuses',
    ]);
  });
});

describe('formatLoadTable', () => {
  it('reports each route as a ratio to the baseline route', () => {
    const table = formatLoadTable(
      [
        figuresFrom(
          'ping',
          result({ requests: { average: 4000, total: 80_000 }, latency: { p50: 5, p99: 20 } }),
        ),
        figuresFrom('search', result()),
      ],
      'ping',
    );
    expect(table.split('\n')[3]).toBe('| search | 1000 | 0.25 | 10 | 30 | 1.5 | 20000 | 0 | 0 |');
  });
});
