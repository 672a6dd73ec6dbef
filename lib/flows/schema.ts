import { z } from 'zod';
import { ACTION_RESULTS, CHECK_ANSWERS, PANELS } from './checks';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase words joined by -')
  .max(60);
const text = z.string().trim().min(1).max(2000);
const label = z.string().trim().min(1).max(120);

const choiceSchema = z.object({ id, label, next: id }).strict();

// A deep link may need a value the server does not have (cloudId for an anonymous visitor);
// then `fallbackHref` is used instead of a half-filled URL.
const linkSchema = z
  .object({
    label,
    href: z.string().trim().min(1).max(500),
    fallbackHref: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

const stepSchema = z.object({ text, link: linkSchema.optional() }).strict();

const common = {
  id,
  title: label,
  body: text.optional(),
};

const questionNodeSchema = z
  .object({
    ...common,
    kind: z.literal('question'),
    panel: z.enum(PANELS).optional(),
    choices: z.array(choiceSchema).min(1).max(8),
  })
  .strict();

const checkNodeSchema = z
  .object({
    id,
    kind: z.literal('check'),
    check: z.string().min(1).max(60),
    branches: z.record(z.enum(CHECK_ANSWERS), id),
    /** A question node, asked when the check cannot answer. */
    fallback: id,
  })
  .strict();

const stepsNodeSchema = z
  .object({
    ...common,
    kind: z.literal('steps'),
    panel: z.enum(PANELS).optional(),
    steps: z.array(stepSchema).min(1).max(12),
    /** A check re-run in the browser until it says yes (e.g. the app turned authorized). */
    verify: z.literal('app-authorized').optional(),
    choices: z.array(choiceSchema).min(1).max(6),
  })
  .strict();

const actionNames = Object.keys(ACTION_RESULTS) as [
  keyof typeof ACTION_RESULTS,
  ...(keyof typeof ACTION_RESULTS)[],
];

const actionNodeSchema = z
  .object({
    ...common,
    kind: z.literal('action'),
    action: z.enum(actionNames),
    panel: z.enum(PANELS).optional(),
    results: z.record(z.string(), id),
  })
  .strict();

export const OUTCOMES = ['resolved', 'requested', 'escalated'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const outcomeNodeSchema = z
  .object({
    ...common,
    kind: z.literal('outcome'),
    outcome: z.enum(OUTCOMES),
    nextSteps: z.array(text).max(8).default([]),
    articles: z.array(z.string().max(100)).max(6).default([]),
  })
  .strict();

export const nodeSchema = z.discriminatedUnion('kind', [
  questionNodeSchema,
  checkNodeSchema,
  stepsNodeSchema,
  actionNodeSchema,
  outcomeNodeSchema,
]);

export const flowSchema = z
  .object({
    id,
    title: label,
    summary: text,
    start: id,
    nodes: z.array(nodeSchema).min(1).max(200),
  })
  .strict();

export type Flow = z.infer<typeof flowSchema>;
export type FlowNode = z.infer<typeof nodeSchema>;
export type QuestionNode = z.infer<typeof questionNodeSchema>;
export type CheckNode = z.infer<typeof checkNodeSchema>;
export type StepsNode = z.infer<typeof stepsNodeSchema>;
export type ActionNode = z.infer<typeof actionNodeSchema>;
export type OutcomeNode = z.infer<typeof outcomeNodeSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type StepLink = z.infer<typeof linkSchema>;
/** Nodes a visitor sees; checks are resolved on the server and never shown. */
export type VisibleNode = Exclude<FlowNode, CheckNode>;
