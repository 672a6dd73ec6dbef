import type { CheckResults, UnavailableReason } from './checks';
import { STATE_CHECKS, isCheckName } from './checks';
import { nodeMap } from './graph';
import type { Flow, FlowNode, VisibleNode } from './schema';

/** A node the visitor sees, and why they see it when a check could not answer. */
export interface Resolution {
  node: VisibleNode;
  /** Set when a check could not answer and its fallback question is asked instead. */
  fallbackReason?: UnavailableReason;
}

class FlowStepError extends Error {}

function nodeOrThrow(flow: Flow, id: string): FlowNode {
  const node = nodeMap(flow).get(id);
  if (!node) throw new FlowStepError(`flow "${flow.id}" has no node "${id}"`);
  return node;
}

/**
 * Follows check nodes until a node the visitor sees: a check's answer picks its branch; when the
 * check has no answer (not run, or could not answer) its fallback question is asked with the reason.
 */
export function resolveNode(flow: Flow, id: string, checks: CheckResults): Resolution {
  let node = nodeOrThrow(flow, id);
  let fallbackReason: UnavailableReason | undefined;
  // Validated flows have no cycles; the bound only guards against an unvalidated one.
  for (let hops = 0; node.kind === 'check'; hops++) {
    if (hops > flow.nodes.length)
      throw new FlowStepError(`flow "${flow.id}" loops through checks at "${node.id}"`);
    const result = isCheckName(node.check) ? checks[node.check] : undefined;
    if (result && 'answer' in result) {
      node = nodeOrThrow(flow, node.branches[result.answer]!);
    } else {
      fallbackReason = result && 'unavailable' in result ? result.unavailable : undefined;
      node = nodeOrThrow(flow, node.fallback);
    }
  }
  return { node, fallbackReason };
}

export const startOf = (flow: Flow, checks: CheckResults) => resolveNode(flow, flow.start, checks);

/**
 * The stepper: from a node and the visitor's choice (a choice id on a question or steps node, a
 * result name on an action), the next node they see. Undefined at an outcome or for an unknown choice.
 */
export function nextNode(
  flow: Flow,
  id: string,
  choice: string,
  checks: CheckResults,
): Resolution | undefined {
  const node = nodeOrThrow(flow, id);
  const target = nextId(node, choice);
  return target === undefined ? undefined : resolveNode(flow, target, checks);
}

function nextId(node: FlowNode, choice: string): string | undefined {
  switch (node.kind) {
    case 'question':
    case 'steps':
      return node.choices.find((c) => c.id === choice)?.next;
    case 'action':
      return Object.hasOwn(node.results, choice) ? node.results[choice] : undefined;
    case 'check':
    case 'outcome':
      return undefined;
  }
}

/** The choices a visitor can make on a node: choice ids or action results. */
export function choicesOf(node: FlowNode): string[] {
  if (node.kind === 'question' || node.kind === 'steps') return node.choices.map((c) => c.id);
  if (node.kind === 'action') return Object.keys(node.results);
  return [];
}

export interface Trail {
  /** Every node shown so far, the current one last. */
  steps: Resolution[];
  /** Node ids for the URL: the visited path, trimmed to the part that is still valid. */
  path: string[];
}

/**
 * Every node a visitor could see from `id` as the checks stand, except that a state check (whether
 * the app is authorized, whether a request is open) may have answered either way when the path was
 * recorded. The node the checks lead to now comes first.
 */
function candidatesFrom(flow: Flow, id: string, checks: CheckResults, hops = 0): Resolution[] {
  const node = nodeOrThrow(flow, id);
  if (node.kind !== 'check') return [{ node }];
  if (hops > flow.nodes.length)
    throw new FlowStepError(`flow "${flow.id}" loops through checks at "${node.id}"`);
  const result = isCheckName(node.check) ? checks[node.check] : undefined;
  // No answer: only the fallback question (with its reason), as resolveNode would.
  if (!result || !('answer' in result)) return [resolveNode(flow, id, checks)];
  const answered = candidatesFrom(flow, node.branches[result.answer]!, checks, hops + 1);
  if (!STATE_CHECKS.includes(node.check as (typeof STATE_CHECKS)[number])) return answered;
  const others = Object.entries(node.branches)
    .filter(([answer]) => answer !== result.answer)
    .flatMap(([, next]) => candidatesFrom(flow, next, checks, hops + 1));
  return [
    ...answered,
    ...others.filter((candidate) => !answered.some((a) => a.node.id === candidate.node.id)),
  ];
}

/**
 * Replays a path from the URL against the checks as they are now. A step that is not a legal next
 * node (a tampered link, or a shared link opened by someone whose checks answer differently) ends
 * the replay there, so the visitor lands on the last step that still applies to them. Only the
 * answers of state checks may differ from the recorded path (see STATE_CHECKS): after authorizing
 * the app, or seeing their request approved, a visitor's back button, reload and "Continue" still
 * land on their own steps.
 */
export function replayPath(flow: Flow, path: readonly string[], checks: CheckResults): Trail {
  const start = startOf(flow, checks);
  const first =
    path.length > 0 ? candidatesFrom(flow, flow.start, checks).find((c) => c.node.id === path[0]) : undefined;
  const steps: Resolution[] = [first ?? start];
  const valid: string[] = [(first ?? start).node.id];
  for (const id of first ? path.slice(1) : []) {
    const current = steps[steps.length - 1]!.node;
    const next = choicesOf(current)
      .map((choice) => nextId(current, choice))
      .filter((target): target is string => target !== undefined)
      .flatMap((target) => candidatesFrom(flow, target, checks))
      .find((resolution) => resolution.node.id === id);
    if (!next) break;
    steps.push(next);
    valid.push(id);
  }
  return { steps, path: valid };
}

/** The fewest further screens (outcome included) from a node, given the checks: for the progress bar. */
export function remainingSteps(flow: Flow, id: string, checks: CheckResults): number {
  const memo = new Map<string, number>();
  const distance = (nodeId: string, depth: number): number => {
    if (memo.has(nodeId)) return memo.get(nodeId)!;
    if (depth > flow.nodes.length) return 0;
    const { node } = resolveNode(flow, nodeId, checks);
    const nexts = choicesOf(node)
      .map((choice) => nextId(node, choice))
      .filter((next): next is string => next !== undefined);
    const result =
      node.kind === 'outcome' || nexts.length === 0
        ? 0
        : 1 + Math.min(...nexts.map((n) => distance(n, depth + 1)));
    memo.set(nodeId, result);
    return result;
  };
  return distance(id, 0);
}
