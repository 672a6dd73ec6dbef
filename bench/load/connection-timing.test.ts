import { describe, expect, it } from 'vitest';
import { summarizeConnectionTimings } from './connection-timing';

describe('summarizeConnectionTimings', () => {
  it('tells slow first requests of connections from slow later ones', () => {
    const requests = [
      { ms: 2_500, indexOnConnection: 0 },
      { ms: 1_200, indexOnConnection: 0 },
      { ms: 100, indexOnConnection: 0 },
      ...Array.from({ length: 97 }, (_, i) => ({ ms: 50 + i, indexOnConnection: 1 + i })),
    ];
    const summary = summarizeConnectionTimings(requests, 1_000);
    expect(summary).toMatchObject({
      requests: 100,
      slow: 2,
      slowFirstOnConnection: 2,
      maxMs: 2_500,
      maxLaterMs: 146,
    });
    expect(summary.p50Ms).toBe(99);
    expect(summary.p99Ms).toBe(1_200);
  });

  it('counts a slow later request as steady-state', () => {
    const summary = summarizeConnectionTimings(
      [
        { ms: 10, indexOnConnection: 0 },
        { ms: 5_000, indexOnConnection: 3 },
      ],
      1_000,
    );
    expect(summary).toMatchObject({ slow: 1, slowFirstOnConnection: 0, maxLaterMs: 5_000 });
  });

  it('summarises nothing as zeros', () => {
    expect(summarizeConnectionTimings([], 1_000)).toMatchObject({ requests: 0, p50Ms: 0, maxMs: 0 });
  });
});
