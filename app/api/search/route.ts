// GET /api/search – ranked articles for a query, with facets and a recognised error when pasted;
// in the reader's language (?locale=de|ja) first, English as the fallback.
// It writes nothing (a settled search is logged by POST /api/search/events).
import { parseSearchParams } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { searchHelpCenter } from '@/lib/search/search-help-center';
import { searchRequestSchema } from '@/lib/search/search-request';

export const GET = defineRoute(
  // Search answers from memory and never touches the database.
  { name: 'search', rateLimit: 'read', database: 'none' },
  async ({ request }) => {
    const { q, product, audience, limit, locale } = parseSearchParams(request, searchRequestSchema);
    return json(searchHelpCenter({ q, product, audience, limit, locale }), {
      headers: { 'cache-control': 'no-store' },
    });
  },
);
