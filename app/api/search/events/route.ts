// POST /api/search/events – the browser reports a search someone settled on, for insights, or a
// result they opened from it, for the usage signal. The only way a search reaches the search log:
// GET /api/search and /search write nothing.
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { hashedVisitorId, visitorCookie, visitorIdFrom } from '@/lib/http/visitor';
import { recordSearchEvent } from '@/lib/search/record-search-event';
import { searchEventSchema } from '@/lib/search/search-event-input';

export const POST = defineRoute({ name: 'search-events', rateLimit: 'tracking' }, async ({ request, db }) => {
  const event = await parseJsonBody(request, searchEventSchema);
  // The same anonymous cookie as article votes, so a vote after opening a result counts for it.
  const { visitorId, isNew } = visitorIdFrom(request);
  await recordSearchEvent(db, event, { hash: hashedVisitorId(visitorId) });
  const headers = new Headers();
  if (isNew && event.kind === 'open') headers.append('set-cookie', visitorCookie(visitorId));
  return json({ recorded: true }, { status: 202, headers });
});
