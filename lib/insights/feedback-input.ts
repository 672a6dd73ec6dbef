import { z } from 'zod';

export const FEEDBACK_REASONS = {
  'not-my-problem': 'It did not describe my problem',
  'hard-to-follow': 'The steps were hard to follow',
  inaccurate: 'Something is wrong or out of date',
  'did-not-work': 'I followed it, but it did not fix the problem',
  other: 'Something else',
} as const;

export type FeedbackReason = keyof typeof FEEDBACK_REASONS;

export const MAX_FEEDBACK_COMMENT = 1000;

export const feedbackInputSchema = z
  .object({
    slug: z.string().min(1).max(120),
    helpful: z.boolean(),
    reason: z.enum(Object.keys(FEEDBACK_REASONS) as [FeedbackReason, ...FeedbackReason[]]).optional(),
    comment: z
      .string()
      .trim()
      .max(MAX_FEEDBACK_COMMENT, `comment: at most ${MAX_FEEDBACK_COMMENT} characters`)
      .optional(),
  })
  .strict()
  .refine((input) => input.helpful || input.reason !== undefined || input.comment === undefined, {
    message: 'reason: say why the article did not help',
    path: ['reason'],
  });

export type FeedbackInput = z.infer<typeof feedbackInputSchema>;
