import 'server-only';
import { flowEvents } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { badRequest } from '@/lib/errors';
import { findUnknownEvent, type FlowEventBatch } from './event-input';
import { getFlows } from './load';
import type { Flow } from './schema';

/**
 * Stores a batch in one insert, so a batch is stored whole or not at all. Every event must name a
 * node of the site's flows (400 unknown_flow_event otherwise, and nothing is stored).
 */
export async function recordFlowEvents(
  db: Database,
  batch: FlowEventBatch,
  flows: readonly Flow[] = getFlows(),
): Promise<number> {
  const unknown = findUnknownEvent(batch.events, flows);
  if (unknown) throw badRequest(unknown, 'unknown_flow_event');
  await db.insert(flowEvents).values(
    batch.events.map((event) => ({
      visitId: batch.visitId,
      flow: event.flow,
      node: event.node,
      kind: event.kind,
      choice: event.choice ?? null,
      outcome: event.outcome ?? null,
    })),
  );
  return batch.events.length;
}
