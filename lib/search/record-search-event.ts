import 'server-only';
import type { Database } from '@/lib/db/types';
import { logSearch } from '@/lib/insights/log-search';
import { getArticleSearchIndex } from './article-index';
import type { SearchEvent } from './search-event-input';

/** Stores what POST /api/search/events reports (a settled search: into the search log, redacted). */
export async function recordSearchEvent(db: Database, event: SearchEvent): Promise<void> {
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
  }
}
