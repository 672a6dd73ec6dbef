import 'server-only';
import { getArticle } from '@/lib/content/articles';
import type { Database } from '@/lib/db/types';
import { getArticleSearchIndex } from './article-index';
import { buildUsageBoosts, usageBoost } from './usage-signal';
import { loadUsageAggregates } from './usage-store';

/** How deep insights looks for an article's place before and after the signal. */
const RANK_DEPTH = 20;
const MAX_ROWS = 50;

/** One article whose place for one query family the usage signal changed. */
export interface SearchLearningChange {
  family: string;
  /** The latest query of the family, redacted as in the search log. */
  query: string;
  slug: string;
  title: string;
  /** Share of the article's score added (positive) or taken away (negative). */
  boost: number;
  /** Its place for `query` by text alone and with the signal (1 = first; null = not in the top 20). */
  rankBefore: number | null;
  rankAfter: number | null;
  visitors: number;
  helpful: number;
  notHelpful: number;
}

/**
 * The families and articles the usage signal currently moves, largest change first. Unsafe: it
 * does not check the viewer; the insights page calls it after its gate (gateAdminPage('insights')).
 */
export async function unsafeLoadSearchLearning(
  db: Database,
  now = new Date(),
): Promise<SearchLearningChange[]> {
  const aggregates = await loadUsageAggregates(db);
  const boosts = buildUsageBoosts(aggregates, now);
  const index = getArticleSearchIndex();
  const changes: SearchLearningChange[] = [];
  for (const aggregate of aggregates) {
    const boost = usageBoost(aggregate, now);
    if (boost === 0) continue;
    const place = (usageBoosts?: ReadonlyMap<string, number>) => {
      const at = index
        .search(aggregate.query, { limit: RANK_DEPTH, usageBoosts })
        .results.findIndex((result) => result.id === aggregate.slug);
      return at < 0 ? null : at + 1;
    };
    changes.push({
      family: aggregate.family,
      query: aggregate.query,
      slug: aggregate.slug,
      title: getArticle(aggregate.slug)?.frontmatter.title ?? aggregate.slug,
      boost,
      rankBefore: place(),
      rankAfter: place(boosts.get(aggregate.family)),
      visitors: aggregate.visitors,
      helpful: aggregate.helpful,
      notHelpful: aggregate.notHelpful,
    });
  }
  return changes.sort((a, b) => Math.abs(b.boost) - Math.abs(a.boost)).slice(0, MAX_ROWS);
}
