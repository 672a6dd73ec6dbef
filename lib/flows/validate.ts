import { parse as parseYaml } from 'yaml';
import { ACTION_RESULTS, CHECK_ANSWERS, isCheckName, PLACEHOLDERS } from './checks';
import { edgesOf, nodeMap } from './graph';
import { flowSchema, type Flow, type FlowNode } from './schema';

export interface FlowProblem {
  flow: string;
  node?: string;
  message: string;
}

export class FlowError extends Error {
  constructor(readonly problems: FlowProblem[]) {
    super(
      `Flows are invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'FlowError';
  }
}

export function formatProblem(problem: FlowProblem): string {
  return `flow "${problem.flow}"${problem.node ? `, node "${problem.node}"` : ''}: ${problem.message}`;
}

export interface ValidationContext {
  /** Slugs of every article, so outcome and Markdown links can be checked. */
  articleSlugs: ReadonlySet<string>;
}

const PLACEHOLDER = /\{([^{}\s]*)\}/g;
const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript):/i;
const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g;

/** Parses a flow file (YAML or JSON); the flow is named after the file until its own id is known. */
export function parseFlowSource(path: string, source: string): { flow?: Flow; problems: FlowProblem[] } {
  const fileId = (path.split('/').pop() ?? path).replace(/\.(ya?ml|json)$/, '');
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    return {
      problems: [{ flow: fileId, message: `${path} is not valid YAML (${(error as Error).message})` }],
    };
  }
  const parsed = flowSchema.safeParse(data);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        flow: fileId,
        node: nodeIdAt(data, issue.path),
        message: `${issue.path.join('.') || 'flow'}: ${issue.message}`,
      })),
    };
  }
  if (parsed.data.id !== fileId) {
    return {
      problems: [{ flow: fileId, message: `the id "${parsed.data.id}" must match the file name (${path})` }],
    };
  }
  return { flow: parsed.data, problems: [] };
}

function nodeIdAt(data: unknown, path: Array<string | number>): string | undefined {
  if (path[0] !== 'nodes' || typeof path[1] !== 'number') return undefined;
  const nodes = (data as { nodes?: Array<{ id?: unknown }> }).nodes;
  const id = nodes?.[path[1]]?.id;
  return typeof id === 'string' ? id : `#${path[1]}`;
}

/**
 * The graph rules: every id unique, every edge to an existing node, every check known with a
 * branch per answer and a question as fallback, every node reachable from the start, no cycle,
 * every path ending at an outcome, every article link and placeholder known.
 */
export function validateFlow(flow: Flow, context: ValidationContext): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const report = (node: string | undefined, message: string) =>
    problems.push({ flow: flow.id, node, message });

  const seen = new Set<string>();
  for (const node of flow.nodes) {
    if (seen.has(node.id)) report(node.id, 'the id is used by more than one node');
    seen.add(node.id);
  }
  const nodes = nodeMap(flow);
  if (!nodes.has(flow.start)) report(undefined, `the start node "${flow.start}" does not exist`);

  for (const node of flow.nodes) {
    for (const edge of edgesOf(node)) {
      if (!nodes.has(edge.to)) report(node.id, `${edge.via} points to a missing node "${edge.to}"`);
    }
    if (node.kind !== 'outcome' && edgesOf(node).length === 0) {
      report(node.id, 'a path ends here, but every path must end at an outcome');
    }
    if (node.kind === 'check') checkCheckNode(node, nodes, report);
    if (node.kind === 'action') {
      const known: readonly string[] = ACTION_RESULTS[node.action];
      for (const result of Object.keys(node.results)) {
        if (!known.includes(result))
          report(
            node.id,
            `unknown result "${result}" for action "${node.action}" (known: ${known.join(', ')})`,
          );
      }
      for (const result of known) {
        if (!(result in node.results))
          report(node.id, `no next node for result "${result}": a path ends here without an outcome`);
      }
    }
    for (const slug of articleLinksOf(node)) {
      if (!context.articleSlugs.has(slug)) report(node.id, `links to a missing article "${slug}"`);
    }
    for (const value of textsOf(node)) {
      for (const match of value.matchAll(PLACEHOLDER)) {
        if (!(PLACEHOLDERS as readonly string[]).includes(match[1]!)) {
          report(
            node.id,
            `unknown placeholder "{${match[1]}}" (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`,
          );
        }
      }
    }
    for (const href of linksOf(node)) {
      if (UNSAFE_SCHEME.test(href)) report(node.id, `unsafe link "${href.slice(0, 60)}"`);
    }
  }

  const cycle = findCycle(flow, nodes);
  if (cycle) report(cycle[0], `the graph has a cycle: ${cycle.join(' → ')}`);

  if (nodes.has(flow.start)) {
    const reachable = reachableFrom(flow.start, nodes);
    for (const node of flow.nodes) {
      if (!reachable.has(node.id)) report(node.id, `the node is unreachable from the start "${flow.start}"`);
    }
  }
  return problems;
}

function checkCheckNode(
  node: Extract<FlowNode, { kind: 'check' }>,
  nodes: Map<string, FlowNode>,
  report: (node: string, message: string) => void,
) {
  if (!isCheckName(node.check)) report(node.id, `unknown check "${node.check}"`);
  for (const answer of CHECK_ANSWERS) {
    if (!node.branches[answer])
      report(node.id, `no branch for the answer "${answer}": a path ends here without an outcome`);
  }
  const fallback = nodes.get(node.fallback);
  if (fallback && fallback.kind !== 'question') {
    report(node.id, `the fallback "${node.fallback}" must be a question node (it is ${fallback.kind})`);
  }
}

function reachableFrom(start: string, nodes: Map<string, FlowNode>): Set<string> {
  const reached = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const node = nodes.get(id);
    if (!node || reached.has(id)) continue;
    reached.add(id);
    for (const edge of edgesOf(node)) queue.push(edge.to);
  }
  return reached;
}

/** Depth-first search; returns the ids along one cycle, first node repeated at the end. */
function findCycle(flow: Flow, nodes: Map<string, FlowNode>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const node = nodes.get(id);
    if (!node) return undefined;
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'open');
    stack.push(id);
    for (const edge of edgesOf(node)) {
      const cycle = visit(edge.to);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const node of flow.nodes) {
    const cycle = visit(node.id);
    if (cycle) return cycle;
  }
  return undefined;
}

function textsOf(node: FlowNode): string[] {
  if (node.kind === 'check') return [];
  const texts = [node.title, node.body ?? ''];
  if (node.kind === 'steps') {
    for (const step of node.steps)
      texts.push(step.text, step.link?.label ?? '', step.link?.href ?? '', step.link?.fallbackHref ?? '');
  }
  if (node.kind === 'outcome') texts.push(...node.nextSteps);
  if (node.kind === 'question' || node.kind === 'steps') texts.push(...node.choices.map((c) => c.label));
  return texts;
}

function linksOf(node: FlowNode): string[] {
  const links: string[] = [];
  for (const value of textsOf(node)) for (const match of value.matchAll(MARKDOWN_LINK)) links.push(match[1]!);
  if (node.kind === 'steps') {
    for (const step of node.steps)
      if (step.link) links.push(step.link.href, ...(step.link.fallbackHref ? [step.link.fallbackHref] : []));
  }
  return links;
}

function articleLinksOf(node: FlowNode): string[] {
  const slugs = node.kind === 'outcome' ? [...node.articles] : [];
  for (const href of linksOf(node)) {
    const match = /^\/articles\/([^/?#]+)/.exec(href);
    if (match) slugs.push(match[1]!);
  }
  return slugs;
}

/** Parses and validates a set of flow files; flow ids must be unique across files. */
export function validateFlowFiles(
  files: Array<{ path: string; source: string }>,
  context: ValidationContext,
) {
  const flows: Flow[] = [];
  const problems: FlowProblem[] = [];
  for (const file of files) {
    const parsed = parseFlowSource(file.path, file.source);
    problems.push(...parsed.problems);
    if (!parsed.flow) continue;
    const flowProblems = validateFlow(parsed.flow, context);
    problems.push(...flowProblems);
    if (flowProblems.length === 0) flows.push(parsed.flow);
  }
  return { flows, problems };
}
