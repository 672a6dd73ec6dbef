import { describe, expect, it } from 'vitest';
import { decisionTimes, formatDuration, type AccessRequestTiming } from './request-insights';

const HOUR = 3_600_000;
const T0 = Date.parse('2025-03-01T09:00:00Z');
const request = (id: string, status: string, hoursToDecision: number | null): AccessRequestTiming => ({
  id,
  siteName: 'acme',
  appName: 'DocuFlow',
  status,
  createdAt: new Date(T0),
  decidedAt: hoursToDecision === null ? null : new Date(T0 + hoursToDecision * HOUR),
});

describe('decisionTimes', () => {
  it('takes the median over decided requests only (odd count)', () => {
    const result = decisionTimes([
      request('a', 'approved', 1),
      request('b', 'denied', 5),
      request('c', 'approved', 30),
      request('d', 'open', null),
      request('e', 'withdrawn', null),
    ]);
    expect(result).toEqual({ decided: 3, approved: 2, denied: 1, medianMs: 5 * HOUR });
  });

  it('averages the two middle values for an even count', () => {
    expect(decisionTimes([request('a', 'approved', 2), request('b', 'approved', 4)]).medianMs).toBe(3 * HOUR);
  });

  it('is null with no decision', () => {
    expect(decisionTimes([request('d', 'open', null)])).toEqual({
      decided: 0,
      approved: 0,
      denied: 0,
      medianMs: null,
    });
    expect(decisionTimes([]).medianMs).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '–'],
    [45_000, '45 s'],
    [20 * 60_000, '20 min'],
    [3 * HOUR + 20 * 60_000, '3 h 20 min'],
    [2 * HOUR, '2 h'],
    [52 * HOUR, '2 d 4 h'],
    [48 * HOUR, '2 d'],
  ])('%s ms reads "%s"', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
