import { utcDay } from './utc-day';

/** A logged search as insights reads it (queries are already redacted when logged). */
export interface LoggedSearch {
  query: string;
  resultCount: number;
  createdAt: Date;
}

export interface QueryCount {
  query: string;
  searches: number;
}

export interface ContentGap extends QueryCount {
  lastSearchedAt: Date;
}

export interface SearchDay {
  day: string;
  searches: number;
  withoutResult: number;
}

const byCountThenQuery = (a: QueryCount, b: QueryCount) =>
  b.searches - a.searches || a.query.localeCompare(b.query);

/** The queries people type most, most first; ties in alphabetical order so the list is stable. */
export function topSearches(searches: readonly LoggedSearch[], limit = 10): QueryCount[] {
  const counts = new Map<string, number>();
  for (const search of searches) counts.set(search.query, (counts.get(search.query) ?? 0) + 1);
  return [...counts]
    .map(([query, count]) => ({ query, searches: count }))
    .sort(byCountThenQuery)
    .slice(0, limit);
}

/** Searches that found nothing: what the help center does not answer yet. */
export function contentGaps(searches: readonly LoggedSearch[], limit = 20): ContentGap[] {
  const gaps = new Map<string, ContentGap>();
  for (const search of searches) {
    if (search.resultCount > 0) continue;
    const gap = gaps.get(search.query);
    if (!gap) gaps.set(search.query, { query: search.query, searches: 1, lastSearchedAt: search.createdAt });
    else {
      gap.searches += 1;
      if (search.createdAt > gap.lastSearchedAt) gap.lastSearchedAt = search.createdAt;
    }
  }
  return [...gaps.values()].sort(byCountThenQuery).slice(0, limit);
}

/** Searches and searches without a result per UTC day; every day of the range appears, empty ones as 0. */
export function searchesByDay(searches: readonly LoggedSearch[], days: readonly string[]): SearchDay[] {
  const buckets = new Map(days.map((day) => [day, { day, searches: 0, withoutResult: 0 }]));
  for (const search of searches) {
    const bucket = buckets.get(utcDay(search.createdAt));
    if (!bucket) continue;
    bucket.searches += 1;
    if (search.resultCount === 0) bucket.withoutResult += 1;
  }
  return [...buckets.values()];
}
