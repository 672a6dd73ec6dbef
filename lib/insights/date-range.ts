import { z } from 'zod';
import { addUtcDays, daysSpanned, startOfUtcDay, utcDay, utcDaysBetween } from './utc-day';

/** The date range of the insights page and its CSV export, as it appears in the URL. */
export const RANGE_PRESETS = { '7d': 7, '30d': 30, '90d': 90 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
const DEFAULT_RANGE_PRESET: RangePreset = '30d';
/** Long enough for a year-on-year look, short enough to keep one page load cheap. */
const MAX_RANGE_DAYS = 366;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2025-03-14')
  .refine(
    (day) => !Number.isNaN(startOfUtcDay(day).getTime()) && utcDay(startOfUtcDay(day)) === day,
    'not a real date',
  );

const rangeFields = {
  range: z.enum(['7d', '30d', '90d', 'custom']).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
};

type RangeFields = { range?: RangePreset | 'custom'; from?: string; to?: string };

function checkRange(value: RangeFields, context: z.RefinementCtx) {
  const custom = value.range === 'custom' || (value.range === undefined && (value.from || value.to));
  if (!custom) {
    if (value.from || value.to)
      context.addIssue({ code: 'custom', path: ['range'], message: 'from and to go with range=custom' });
    return;
  }
  if (!value.from || !value.to) {
    context.addIssue({
      code: 'custom',
      path: [value.from ? 'to' : 'from'],
      message: 'a custom range needs both from and to',
    });
    return;
  }
  if (value.from > value.to)
    context.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
  else if (daysSpanned(value.from, value.to) > MAX_RANGE_DAYS) {
    context.addIssue({
      code: 'custom',
      path: ['to'],
      message: `a range covers at most ${MAX_RANGE_DAYS} days`,
    });
  }
}

export const insightsRangeSchema = z.object(rangeFields).strict().superRefine(checkRange);
export type InsightsRangeQuery = z.infer<typeof insightsRangeSchema>;

/** For handlers that take more parameters than the range (the CSV export adds `dataset`). */
export function insightsRangeSchemaWith<T extends z.ZodRawShape>(extra: T) {
  return z
    .object({ ...rangeFields, ...extra })
    .strict()
    .superRefine((value, context) => checkRange(value as RangeFields, context));
}

export interface InsightsRange {
  preset: RangePreset | 'custom';
  /** First and last UTC day, both included. */
  from: string;
  to: string;
  /** [start, end): the instants the queries cover. */
  start: Date;
  end: Date;
  days: string[];
}

/** Turns a validated query into the days it covers; presets end today (UTC). */
export function resolveInsightsRange(query: InsightsRangeQuery, now: Date): InsightsRange {
  const custom = query.range === 'custom' || (query.range === undefined && query.from !== undefined);
  const preset = custom ? 'custom' : (query.range ?? DEFAULT_RANGE_PRESET);
  let from: string;
  let to: string;
  if (preset === 'custom') {
    from = query.from!;
    to = query.to!;
  } else {
    to = utcDay(now);
    from = addUtcDays(to, -(RANGE_PRESETS[preset] - 1));
  }
  return {
    preset,
    from,
    to,
    start: startOfUtcDay(from),
    end: startOfUtcDay(addUtcDays(to, 1)),
    days: utcDaysBetween(from, to),
  };
}

/** The query string that reproduces a range (for links, the filter form and CSV links). */
export function rangeSearchParams(range: Pick<InsightsRange, 'preset' | 'from' | 'to'>): URLSearchParams {
  return range.preset === 'custom'
    ? new URLSearchParams({ range: 'custom', from: range.from, to: range.to })
    : new URLSearchParams({ range: range.preset });
}
