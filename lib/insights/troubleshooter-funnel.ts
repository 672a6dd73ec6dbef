/**
 * The troubleshooter funnel from raw events. A visit is one browser tab's run through one flow
 * (visit id + flow). Its ending is the last outcome it reached; without one it is abandoned once
 * nothing happened for `abandonAfterMs`, and still in progress before that.
 */

export const FUNNEL_ENDINGS = ['resolved', 'requested', 'escalated', 'abandoned'] as const;
export type FunnelEnding = (typeof FUNNEL_ENDINGS)[number];

/** Half an hour without a click: the visitor has gone (a common web-analytics session timeout). */
const DEFAULT_ABANDON_AFTER_MS = 30 * 60 * 1000;

export interface FlowEventRow {
  visitId: string;
  flow: string;
  node: string;
  kind: 'node_shown' | 'choice_made' | 'outcome_reached';
  outcome: string | null;
  createdAt: Date;
}

export interface FunnelNode {
  node: string;
  /** Visits that saw the node at least once. */
  reached: number;
  /** Abandoned visits whose last node was this one. */
  leftHere: number;
}

export interface FlowFunnel {
  flow: string;
  visits: number;
  nodes: FunnelNode[];
  endings: Record<FunnelEnding, number>;
  inProgress: number;
  /** Visits that reached an outcome or were abandoned. */
  ended: number;
  /** Ended visits that ended resolved or requested and never reached an escalated outcome. */
  deflected: number;
  /** deflected / ended, 0..1; null when no visit has ended. */
  deflectionRate: number | null;
}

export interface FunnelOptions {
  /** The moment "abandoned" is judged at: now, or the end of a range that lies in the past. */
  asOf: Date;
  abandonAfterMs?: number;
  /** Node ids in display order (the flow's own order); nodes not listed follow by reach. */
  nodeOrder?: readonly string[];
}

interface Visit {
  events: FlowEventRow[];
}

function groupVisits(events: readonly FlowEventRow[]): Visit[] {
  const visits = new Map<string, Visit>();
  for (const event of events) {
    const key = `${event.visitId}\u0000${event.flow}`;
    const visit = visits.get(key) ?? { events: [] };
    visit.events.push(event);
    visits.set(key, visit);
  }
  // A stable sort: events of one batch share a timestamp and keep the order they were loaded in.
  for (const visit of visits.values())
    visit.events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return [...visits.values()];
}

function endingOf(
  visit: Visit,
  asOf: Date,
  abandonAfterMs: number,
): { ending: FunnelEnding | 'in-progress'; escalatedOnTheWay: boolean } {
  const outcomes = visit.events.filter((event) => event.kind === 'outcome_reached' && event.outcome);
  const escalatedOnTheWay = outcomes.some((event) => event.outcome === 'escalated');
  const last = outcomes.at(-1)?.outcome;
  if (last === 'resolved' || last === 'requested' || last === 'escalated')
    return { ending: last, escalatedOnTheWay };
  const lastAt = visit.events.at(-1)!.createdAt.getTime();
  return {
    ending: asOf.getTime() - lastAt >= abandonAfterMs ? 'abandoned' : 'in-progress',
    escalatedOnTheWay,
  };
}

/** The funnel of one flow; pass only that flow's events (others are ignored). */
export function troubleshooterFunnel(
  flow: string,
  events: readonly FlowEventRow[],
  options: FunnelOptions,
): FlowFunnel {
  const abandonAfterMs = options.abandonAfterMs ?? DEFAULT_ABANDON_AFTER_MS;
  const visits = groupVisits(events.filter((event) => event.flow === flow));
  const reached = new Map<string, number>();
  const leftHere = new Map<string, number>();
  const endings: Record<FunnelEnding, number> = { resolved: 0, requested: 0, escalated: 0, abandoned: 0 };
  let inProgress = 0;
  let deflected = 0;

  for (const visit of visits) {
    for (const node of new Set(
      visit.events.filter((event) => event.kind === 'node_shown').map((event) => event.node),
    )) {
      reached.set(node, (reached.get(node) ?? 0) + 1);
    }
    const { ending, escalatedOnTheWay } = endingOf(visit, options.asOf, abandonAfterMs);
    if (ending === 'in-progress') {
      inProgress += 1;
      continue;
    }
    endings[ending] += 1;
    if (ending === 'abandoned') {
      const lastNode = visit.events.at(-1)!.node;
      leftHere.set(lastNode, (leftHere.get(lastNode) ?? 0) + 1);
    }
    if ((ending === 'resolved' || ending === 'requested') && !escalatedOnTheWay) deflected += 1;
  }

  const order = new Map((options.nodeOrder ?? []).map((node, index) => [node, index]));
  const nodeIds = new Set([...reached.keys(), ...leftHere.keys()]);
  const nodes = [...nodeIds]
    .map((node) => ({ node, reached: reached.get(node) ?? 0, leftHere: leftHere.get(node) ?? 0 }))
    .sort(
      (a, b) =>
        (order.get(a.node) ?? Infinity) - (order.get(b.node) ?? Infinity) ||
        b.reached - a.reached ||
        a.node.localeCompare(b.node),
    );
  const ended = FUNNEL_ENDINGS.reduce((sum, ending) => sum + endings[ending], 0);
  return {
    flow,
    visits: visits.length,
    nodes,
    endings,
    inProgress,
    ended,
    deflected,
    deflectionRate: ended === 0 ? null : deflected / ended,
  };
}
