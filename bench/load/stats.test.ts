import { describe, expect, it } from 'vitest';
import {
  checkTargets,
  figuresFrom,
  formatLoadTable,
  formatTargetChecks,
  ratio,
  type AutocannonResult,
} from './stats';

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

describe('checkTargets', () => {
  const ping = figuresFrom(
    'ping',
    result({ requests: { average: 1000, total: 20_000 }, latency: { p50: 50, p99: 100 } }),
  );

  it('passes a route at or above its share of the constant route and within its p99 multiple', () => {
    const article = figuresFrom(
      'article',
      result({ requests: { average: 500, total: 10_000 }, latency: { p50: 90, p99: 300 } }),
    );
    const checks = checkTargets(
      [ping, article],
      [{ route: 'article', minThroughputRatio: 0.5, maxP99Ratio: 3 }],
      'ping',
    );
    expect(checks.filter((check) => !check.pass)).toEqual([]);
    expect(formatTargetChecks(checks)).toContain('- pass: article: req/s ≥ 0.50 × ping (measured 0.50 ×)');
  });

  it('marks a slow route, a long tail, errors and unexpected statuses as missed', () => {
    const checks = checkTargets(
      [
        ping,
        figuresFrom(
          'article',
          result({ requests: { average: 120, total: 2400 }, latency: { p50: 600, p99: 6000 } }),
        ),
        figuresFrom('me', result({ errors: 2, timeouts: 1, non2xx: 5 })),
      ],
      [
        { route: 'article', minThroughputRatio: 0.5, maxP99Ratio: 3 },
        { route: 'me', minThroughputRatio: 0.8 },
      ],
      'ping',
    );
    expect(
      checks
        .filter((check) => !check.pass)
        .map((check) => `${check.route}: ${check.target}: ${check.measured}`),
    ).toEqual([
      'article: req/s ≥ 0.50 × ping: 0.12 ×',
      'article: p99 ≤ 3.0 × ping: 60.0 ×',
      'me: no errors, timeouts or unexpected statuses: 2 errors (1 timeouts), 5 unexpected',
    ]);
  });

  it('misses every ratio target when the constant route was not measured', () => {
    const checks = checkTargets(
      [figuresFrom('search', result())],
      [{ route: 'search', minThroughputRatio: 0.1 }],
      'ping',
    );
    expect(checks.find((check) => check.target.startsWith('req/s'))?.pass).toBe(false);
  });

  it('checks each burst of new connections for timeouts', () => {
    const checks = checkTargets([ping], [], 'ping', [
      { route: 'article', connections: 100, maxMs: 10_000, errors: 3, timeouts: 3, unexpectedStatuses: 0 },
    ]);
    expect(checks.at(-1)).toMatchObject({ route: 'article, burst of 100', pass: false });
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
    expect(table.split('\n')[3]).toBe('| search | 1000 | 0.25 | 10 | 30 | 1.5 | 20000 | 0 | 0 | 0 |');
  });
});
