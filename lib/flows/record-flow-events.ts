import 'server-only';
import { flowEvents } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import type { FlowEventBatch } from './event-input';

/** Stores a validated batch in one insert, so a batch is stored whole or not at all. */
export async function recordFlowEvents(db: Database, batch: FlowEventBatch): Promise<number> {
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
