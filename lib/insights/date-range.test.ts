import { describe, expect, it } from 'vitest';
import { insightsRangeSchema, rangeSearchParams, resolveInsightsRange } from './date-range';

const NOW = new Date('2025-03-14T15:30:00Z');

describe('insights date range', () => {
  it('defaults to the last 30 days, today included', () => {
    const range = resolveInsightsRange(insightsRangeSchema.parse({}), NOW);
    expect(range).toMatchObject({ preset: '30d', from: '2025-02-13', to: '2025-03-14' });
    expect(range.days).toHaveLength(30);
    expect(range.start.toISOString()).toBe('2025-02-13T00:00:00.000Z');
    expect(range.end.toISOString()).toBe('2025-03-15T00:00:00.000Z');
  });

  it.each([
    ['7d', '2025-03-08'],
    ['90d', '2024-12-15'],
  ] as const)('preset %s starts on %s', (preset, from) => {
    expect(resolveInsightsRange(insightsRangeSchema.parse({ range: preset }), NOW).from).toBe(from);
  });

  it('takes a custom from/to, both days included', () => {
    const range = resolveInsightsRange(
      insightsRangeSchema.parse({ range: 'custom', from: '2025-01-30', to: '2025-02-02' }),
      NOW,
    );
    expect(range.days).toEqual(['2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02']);
    expect(rangeSearchParams(range).toString()).toBe('range=custom&from=2025-01-30&to=2025-02-02');
  });

  it.each([
    [{ range: '14d' }],
    [{ range: 'custom', from: '2025-02-30', to: '2025-03-01' }],
    [{ range: 'custom', from: '2025-03-02', to: '2025-03-01' }],
    [{ range: 'custom', from: '2025-03-02' }],
    [{ range: 'custom', from: '2023-01-01', to: '2025-03-01' }],
    [{ range: '7d', from: '2025-03-01' }],
    [{ range: '7d', extra: '1' }],
    [{ from: '14/03/2025', to: '2025-03-14' }],
  ])('rejects %j', (query) => {
    expect(insightsRangeSchema.safeParse(query).success).toBe(false);
  });
});
