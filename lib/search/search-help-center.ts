import 'server-only';
import type { Audience, Product } from '@/lib/content/schema';
import type { Database } from '@/lib/db/types';
import { logSearch } from '@/lib/insights/log-search';
import { logger } from '@/lib/log';
import { getArticleSearchIndex } from './article-index';
import { toSearchAnswer, type SearchAnswer } from './search-answer';

export interface HelpCenterSearch {
  q: string;
  product?: Product;
  audience?: Audience;
  limit: number;
  /** Whether insights count it: a settled search, not a suggestion typed as you go. */
  log: boolean;
}

/**
 * A search of the help center's articles, as GET /api/search and the /search page run it, logged
 * for insights (query redacted) when asked. A search with no result is logged like any other:
 * insights reads it as a content gap. The answer never waits on the log, and a log that fails
 * never fails the search, so `db` may still be opening (or never open).
 */
export function searchHelpCenter(db: Promise<Database>, search: HelpCenterSearch): SearchAnswer {
  const started = performance.now();
  const response = getArticleSearchIndex().search(search.q, {
    product: search.product,
    audience: search.audience,
    limit: search.limit,
  });
  const ms = performance.now() - started;
  if (search.log) {
    void db
      .then((open) => logSearch(open, { query: search.q, resultCount: response.total, ms }))
      .catch((error: unknown) => logger.warn({ err: String(error) }, 'search not logged'));
  } else {
    db.catch(() => undefined);
  }
  return toSearchAnswer(search.q, response);
}
