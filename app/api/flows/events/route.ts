// POST /api/flows/events – troubleshooter funnel events (node shown, choice made, outcome reached), in batches.
import { getDb } from '@/lib/db/client';
import { findUnknownEvent, flowEventBatchSchema } from '@/lib/flows/event-input';
import { getFlows } from '@/lib/flows/load';
import { recordFlowEvents } from '@/lib/flows/record-flow-events';
import { badRequest } from '@/lib/errors';
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';

export const POST = defineRoute(
  { name: 'flow-events', rateLimit: { points: 60, durationSeconds: 60 } },
  async ({ request }) => {
    const batch = await parseJsonBody(request, flowEventBatchSchema);
    const unknown = findUnknownEvent(batch.events, getFlows());
    if (unknown) throw badRequest(unknown, 'unknown_flow_event');
    const stored = await recordFlowEvents(await getDb(), batch);
    return json({ stored }, { status: 201 });
  },
);
