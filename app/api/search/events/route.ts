// POST /api/search/events – the browser reports a search someone settled on, for insights. The only
// way a search reaches the search log: GET /api/search and /search write nothing.
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { recordSearchEvent } from '@/lib/search/record-search-event';
import { searchEventSchema } from '@/lib/search/search-event-input';

export const POST = defineRoute({ name: 'search-events', rateLimit: 'tracking' }, async ({ request, db }) => {
  await recordSearchEvent(db, await parseJsonBody(request, searchEventSchema));
  return json({ recorded: true }, { status: 202 });
});
