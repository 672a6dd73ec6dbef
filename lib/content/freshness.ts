import type { Frontmatter } from './schema';

/** An article whose facts nobody has re-checked in this many days is reported as stale. */
export const STALE_AFTER_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

interface ArticleFacts {
  slug: string;
  path: string;
  frontmatter: Pick<Frontmatter, 'title' | 'sources' | 'verified'>;
}

export interface StaleArticle {
  slug: string;
  title: string;
  /** The last date someone checked the article against its sources; null when never. */
  verified: string | null;
  /** Whole days since `verified`; null when never verified. */
  ageDays: number | null;
}

/** Paths of the articles that name no source (content:check fails on each). */
export function articlesWithoutSources(articles: readonly ArticleFacts[]): string[] {
  return articles.filter((article) => article.frontmatter.sources.length === 0).map((article) => article.path);
}

function daysBetween(from: string, to: Date): number {
  const today = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  return Math.floor((today - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Articles not verified within `maxAgeDays` of `today` (UTC days), never-verified ones first,
 * then the longest unchecked first.
 */
export function staleArticles(
  articles: readonly ArticleFacts[],
  today: Date,
  maxAgeDays: number = STALE_AFTER_DAYS,
): StaleArticle[] {
  return articles
    .map((article) => {
      const verified = article.frontmatter.verified ?? null;
      return {
        slug: article.slug,
        title: article.frontmatter.title,
        verified,
        ageDays: verified === null ? null : daysBetween(verified, today),
      };
    })
    .filter((entry) => entry.ageDays === null || entry.ageDays > maxAgeDays)
    .sort((a, b) => (b.ageDays ?? Infinity) - (a.ageDays ?? Infinity) || a.slug.localeCompare(b.slug));
}

/** The staleness report content:check prints: one line per stale article, or that none are. */
export function formatStalenessReport(stale: readonly StaleArticle[], maxAgeDays: number = STALE_AFTER_DAYS): string {
  if (stale.length === 0) return `freshness: every article was verified in the last ${maxAgeDays} days`;
  const lines = stale.map((entry) =>
    entry.verified === null
      ? `  ${entry.slug}: never verified`
      : `  ${entry.slug}: verified ${entry.verified} (${entry.ageDays} days ago)`,
  );
  return [
    `freshness: ${stale.length} article${stale.length === 1 ? '' : 's'} not verified in the last ${maxAgeDays} days:`,
    ...lines,
  ].join('\n');
}
