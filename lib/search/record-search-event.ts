import 'server-only';
import { getArticle } from '@/lib/content/articles';
import type { Database } from '@/lib/db/types';
import { badRequest } from '@/lib/errors';
import { logSearch } from '@/lib/insights/log-search';
import { getArticleSearchIndex } from './article-index';
import type { SearchEvent } from './search-event-input';
import { recordResultOpen } from './usage-store';

/**
 * Stores what POST /api/search/events reports: a settled search into the search log (redacted); a
 * result opened into the usage signal, as the hashed visitor's say for the query's family.
 */
export async function recordSearchEvent(
  db: Database,
  event: SearchEvent,
  visitor: { hash: string },
): Promise<void> {
  switch (event.kind) {
    case 'search': {
      // Counted here, not taken from the browser: "content gaps" are searches with no result.
      const started = performance.now();
      const { total } = getArticleSearchIndex().search(event.q, {
        product: event.product,
        audience: event.audience,
        limit: 1,
      });
      await logSearch(db, { query: event.q, resultCount: total, ms: performance.now() - started });
      return;
    }
    case 'open': {
      if (!getArticle(event.slug))
        throw badRequest(`slug: there is no article "${event.slug}"`, 'unknown_article');
      await recordResultOpen(db, { visitorHash: visitor.hash, q: event.q, slug: event.slug });
      return;
    }
  }
}
