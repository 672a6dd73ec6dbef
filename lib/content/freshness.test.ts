import { describe, expect, it } from 'vitest';
import { articlesWithoutSources, formatStalenessReport, staleArticles } from './freshness';

const source = { title: 'Atlassian: Block app access', url: 'https://support.atlassian.com/x', checked: '2026-06-01' };
const article = (slug: string, verified?: string, sources = [source]) => ({
  slug,
  path: `content/articles/${slug}.mdx`,
  frontmatter: { title: `Title of ${slug}`, sources, verified },
});

const today = new Date('2026-12-05T15:30:00Z');

describe('staleArticles', () => {
  it('reports articles verified more than 180 days ago and those never verified, keeps the recent ones', () => {
    const stale = staleArticles(
      [article('fresh', '2026-12-01'), article('edge', '2026-06-08'), article('old', '2026-01-10'), article('never')],
      today,
    );
    expect(stale.map((entry) => entry.slug)).toEqual(['never', 'old']);
    expect(stale[1]).toEqual({ slug: 'old', title: 'Title of old', verified: '2026-01-10', ageDays: 329 });
    expect(stale[0]!.ageDays).toBeNull();
  });

  it('counts whole UTC days, so an article verified exactly 180 days ago is still fresh and 181 is stale', () => {
    expect(staleArticles([article('a', '2026-06-08')], today)).toEqual([]);
    expect(staleArticles([article('a', '2026-06-07')], today).map((e) => e.ageDays)).toEqual([181]);
  });

  it('takes another limit', () => {
    expect(staleArticles([article('a', '2026-12-01')], today, 3).map((e) => e.slug)).toEqual(['a']);
  });

  it('lists the longest unchecked first', () => {
    const stale = staleArticles([article('b', '2026-03-01'), article('a', '2025-03-01')], today);
    expect(stale.map((e) => e.slug)).toEqual(['a', 'b']);
  });
});

describe('articlesWithoutSources', () => {
  it('names the files of articles with no source', () => {
    expect(articlesWithoutSources([article('ok', '2026-12-01'), article('bare', '2026-12-01', [])])).toEqual([
      'content/articles/bare.mdx',
    ]);
  });
});

describe('formatStalenessReport', () => {
  it('prints one line per stale article with its age', () => {
    const report = formatStalenessReport(staleArticles([article('old', '2026-01-10'), article('never')], today));
    expect(report.split('\n')).toEqual([
      'freshness: 2 articles not verified in the last 180 days:',
      '  never: never verified',
      '  old: verified 2026-01-10 (329 days ago)',
    ]);
  });

  it('says so when nothing is stale', () => {
    expect(formatStalenessReport([])).toBe('freshness: every article was verified in the last 180 days');
  });
});
