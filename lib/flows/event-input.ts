import { z } from 'zod';
import { FLOW_EVENT_KINDS } from '@/lib/db/schema';
import { OUTCOMES, type Flow } from './schema';
import { choicesOf } from './stepper';

export const MAX_EVENTS_PER_BATCH = 50;

const eventSchema = z
  .object({
    flow: z.string().max(60),
    node: z.string().max(60),
    kind: z.enum(FLOW_EVENT_KINDS),
    choice: z.string().max(60).optional(),
    outcome: z.enum(OUTCOMES).optional(),
  })
  .strict();

/** A batch from one browser tab: an anonymous random visit id and the funnel events, nothing personal. */
export const flowEventBatchSchema = z
  .object({
    visitId: z.string().uuid(),
    events: z.array(eventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
  })
  .strict();

export type FlowEventBatch = z.infer<typeof flowEventBatchSchema>;
export type FlowEventInput = FlowEventBatch['events'][number];

/**
 * Every event must name a real flow and node, with a choice the node offers and the outcome the
 * node has: the insights are only as good as the ids in them. Returns the first problem.
 */
export function findUnknownEvent(events: FlowEventInput[], flows: readonly Flow[]): string | undefined {
  for (const [index, event] of events.entries()) {
    const where = `events.${index}`;
    const flow = flows.find((f) => f.id === event.flow);
    if (!flow) return `${where}.flow: there is no flow "${event.flow}"`;
    const node = flow.nodes.find((n) => n.id === event.node);
    if (!node || node.kind === 'check') return `${where}.node: flow "${flow.id}" has no node "${event.node}"`;
    if (event.kind === 'choice_made') {
      if (!event.choice || !choicesOf(node).includes(event.choice))
        return `${where}.choice: node "${node.id}" has no choice "${event.choice ?? ''}"`;
    } else if (event.choice !== undefined) {
      return `${where}.choice: only a choice_made event has a choice`;
    }
    if (event.kind === 'outcome_reached') {
      if (node.kind !== 'outcome' || event.outcome !== node.outcome)
        return `${where}.outcome: does not match node "${node.id}"`;
    } else if (event.outcome !== undefined) {
      return `${where}.outcome: only an outcome_reached event has an outcome`;
    }
  }
  return undefined;
}
