// GET /api/search – ranked articles for a query, with facets and a recognised error when pasted.
import { getDb } from '@/lib/db/client';
import { parseSearchParams } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { logSearch } from '@/lib/insights/log-search';
import { logger } from '@/lib/log';
import { getArticleSearchIndex } from '@/lib/search/article-index';
import { searchRequestSchema } from '@/lib/search/search-request';
import { toSearchAnswer } from '@/lib/search/search-answer';

export const GET = defineRoute(
  { name: 'search', rateLimit: { points: 120, durationSeconds: 60 } },
  async ({ request, requestId }) => {
    const input = parseSearchParams(request, searchRequestSchema);
    const started = performance.now();
    const response = getArticleSearchIndex().search(input.q, {
      product: input.product,
      audience: input.audience,
      limit: input.limit,
    });
    const ms = performance.now() - started;
    if (input.log === '1') {
      // The answer does not wait on the log, and a log that fails never fails the search.
      void getDb()
        .then((db) => logSearch(db, { query: input.q, resultCount: response.total, ms }))
        .catch((error: unknown) => logger.warn({ requestId, err: String(error) }, 'search not logged'));
    }
    return json(toSearchAnswer(input.q, response), { headers: { 'cache-control': 'no-store' } });
  },
);
