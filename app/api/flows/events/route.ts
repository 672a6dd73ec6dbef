// POST /api/flows/events – troubleshooter funnel events (node shown, choice made, outcome reached), in batches.
import { flowEventBatchSchema } from '@/lib/flows/event-input';
import { recordFlowEvents } from '@/lib/flows/record-flow-events';
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';

export const POST = defineRoute({ name: 'flow-events', rateLimit: 'tracking' }, async ({ request, db }) => {
  const batch = await parseJsonBody(request, flowEventBatchSchema);
  return json({ stored: await recordFlowEvents(db, batch) }, { status: 201 });
});
