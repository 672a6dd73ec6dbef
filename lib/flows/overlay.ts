import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { FlowProblem } from './validate';
import type { Flow, FlowNode } from './schema';

/**
 * A flow's texts in another language: `content/flows/<locale>/<flow>.yaml` holds only texts, by
 * node id (and choice id, step number), laid over the English flow. The English flow stays the
 * one graph (ids, checks, branches); a text the overlay leaves out is shown in English, and an
 * overlay naming a node, choice or step the English flow does not have is a content error.
 */

const text = z.string().trim().min(1).max(2000);
const label = z.string().trim().min(1).max(120);

const nodeTextsSchema = z
  .object({
    title: label.optional(),
    body: text.optional(),
    /** Choice labels by choice id. */
    choices: z.record(z.string(), label).optional(),
    /** Steps in order; an empty entry ({}) keeps that step's English. */
    steps: z
      .array(z.object({ text: text.optional(), link: label.optional() }).strict())
      .max(12)
      .optional(),
    nextSteps: z.array(text).max(8).optional(),
  })
  .strict();

export const flowOverlaySchema = z
  .object({
    title: label.optional(),
    summary: text.optional(),
    nodes: z.record(z.string(), nodeTextsSchema).default({}),
  })
  .strict();

export type FlowOverlay = z.infer<typeof flowOverlaySchema>;
type NodeTexts = z.infer<typeof nodeTextsSchema>;

/** Parses an overlay file; problems name the file's flow and the field. */
export function parseFlowOverlay(
  flowId: string,
  path: string,
  source: string,
): { overlay?: FlowOverlay; problems: FlowProblem[] } {
  let data: unknown;
  try {
    data = parseYaml(source) ?? {};
  } catch (error) {
    return {
      problems: [{ flow: flowId, message: `${path} is not valid YAML (${(error as Error).message})` }],
    };
  }
  const parsed = flowOverlaySchema.safeParse(data);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        flow: flowId,
        message: `${path}: ${issue.path.join('.') || 'overlay'}: ${issue.message}`,
      })),
    };
  }
  return { overlay: parsed.data, problems: [] };
}

/** What in the overlay the English flow does not have: unknown node, choice or step, or a text the node has no place for. */
export function checkFlowOverlay(flow: Flow, overlay: FlowOverlay, path: string): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const nodes = new Map(flow.nodes.map((node) => [node.id, node]));
  for (const [id, texts] of Object.entries(overlay.nodes)) {
    const node = nodes.get(id);
    const at = (message: string) =>
      problems.push({ flow: flow.id, node: id, message: `${path}: ${message}` });
    if (!node) {
      at(`the English flow has no node "${id}"`);
      continue;
    }
    if (node.kind === 'check') {
      at('a check node has no text to translate');
      continue;
    }
    const choiceIds = new Set('choices' in node ? node.choices.map((choice) => choice.id) : []);
    for (const choice of Object.keys(texts.choices ?? {}))
      if (!choiceIds.has(choice)) at(`the node has no choice "${choice}"`);
    const steps = node.kind === 'steps' ? node.steps : [];
    (texts.steps ?? []).forEach((step, index) => {
      if (index >= steps.length) at(`the node has no step ${index + 1}`);
      else if (step.link && !steps[index]!.link) at(`step ${index + 1} has no link`);
    });
    if (texts.nextSteps && node.kind !== 'outcome') at('only an outcome has next steps');
    if (texts.nextSteps && node.kind === 'outcome' && texts.nextSteps.length > node.nextSteps.length)
      at(`the node has ${node.nextSteps.length} next steps, the overlay ${texts.nextSteps.length}`);
    if (texts.body && !('body' in node)) at('the node has no body');
  }
  return problems;
}

/** The flow with the overlay's texts where it has them, English elsewhere; the graph unchanged. */
export function applyFlowOverlay(flow: Flow, overlay: FlowOverlay): Flow {
  return {
    ...flow,
    title: overlay.title ?? flow.title,
    summary: overlay.summary ?? flow.summary,
    nodes: flow.nodes.map((node) => {
      const texts = overlay.nodes[node.id];
      return texts ? translateNode(node, texts) : node;
    }),
  };
}

function translateNode(node: FlowNode, texts: NodeTexts): FlowNode {
  if (node.kind === 'check') return node;
  const common = { title: texts.title ?? node.title, body: texts.body ?? node.body };
  const choices = <T extends { id: string; label: string }>(list: T[]): T[] =>
    list.map((choice) => ({ ...choice, label: texts.choices?.[choice.id] ?? choice.label }));
  switch (node.kind) {
    case 'question':
      return { ...node, ...common, choices: choices(node.choices) };
    case 'steps':
      return {
        ...node,
        ...common,
        choices: choices(node.choices),
        steps: node.steps.map((step, index) => {
          const translated = texts.steps?.[index];
          return {
            ...step,
            text: translated?.text ?? step.text,
            ...(step.link ? { link: { ...step.link, label: translated?.link ?? step.link.label } } : {}),
          };
        }),
      };
    case 'outcome':
      return {
        ...node,
        ...common,
        nextSteps: node.nextSteps.map((step, index) => texts.nextSteps?.[index] ?? step),
      };
    case 'action':
      return { ...node, ...common };
  }
}
