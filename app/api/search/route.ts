// GET /api/search – ranked articles for a query, with facets and a recognised error when pasted.
import { parseSearchParams } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { searchHelpCenter } from '@/lib/search/search-help-center';
import { searchRequestSchema } from '@/lib/search/search-request';

export const GET = defineRoute(
  // Search answers from memory; the database only receives the log, so it is never waited on.
  { name: 'search', rateLimit: 'read', database: 'background' },
  async ({ request, db }) => {
    const { q, product, audience, limit, log } = parseSearchParams(request, searchRequestSchema);
    const answer = searchHelpCenter(db, { q, product, audience, limit, log: log === '1' });
    return json(answer, { headers: { 'cache-control': 'no-store' } });
  },
);
