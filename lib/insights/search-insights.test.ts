import { describe, expect, it } from 'vitest';
import { contentGaps, searchesByDay, topSearches, type LoggedSearch } from './search-insights';

const search = (query: string, resultCount: number, iso: string): LoggedSearch => ({
  query,
  resultCount,
  createdAt: new Date(iso),
});

const SEARCHES: LoggedSearch[] = [
  search('connected apps', 4, '2025-03-01T10:00:00Z'),
  search('connected apps', 4, '2025-03-02T10:00:00Z'),
  search('connected apps', 4, '2025-03-02T23:59:59Z'),
  search('slack integration', 0, '2025-03-01T08:00:00Z'),
  search('slack integration', 0, '2025-03-03T08:00:00Z'),
  search('authorise app', 2, '2025-03-03T00:00:00Z'),
  search('billing invoice', 0, '2025-03-02T12:00:00Z'),
  search('outside the range', 0, '2025-02-27T12:00:00Z'),
];

describe('search insights', () => {
  it('ranks queries by how often they were searched, ties alphabetically', () => {
    expect(topSearches(SEARCHES, 3)).toEqual([
      { query: 'connected apps', searches: 3 },
      { query: 'slack integration', searches: 2 },
      { query: 'authorise app', searches: 1 },
    ]);
  });

  it('lists searches with no result as content gaps, with when they were last searched', () => {
    expect(contentGaps(SEARCHES)).toEqual([
      { query: 'slack integration', searches: 2, lastSearchedAt: new Date('2025-03-03T08:00:00Z') },
      { query: 'billing invoice', searches: 1, lastSearchedAt: new Date('2025-03-02T12:00:00Z') },
      { query: 'outside the range', searches: 1, lastSearchedAt: new Date('2025-02-27T12:00:00Z') },
    ]);
  });

  it('buckets searches per UTC day, with every day of the range present', () => {
    expect(searchesByDay(SEARCHES, ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04'])).toEqual([
      { day: '2025-03-01', searches: 2, withoutResult: 1 },
      { day: '2025-03-02', searches: 3, withoutResult: 1 },
      { day: '2025-03-03', searches: 2, withoutResult: 1 },
      { day: '2025-03-04', searches: 0, withoutResult: 0 },
    ]);
  });

  it('copes with no searches', () => {
    expect(topSearches([])).toEqual([]);
    expect(contentGaps([])).toEqual([]);
    expect(searchesByDay([], ['2025-03-01'])).toEqual([{ day: '2025-03-01', searches: 0, withoutResult: 0 }]);
  });
});
