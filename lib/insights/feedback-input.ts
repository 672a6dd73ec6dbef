import { z } from 'zod';
import { freeTextSchema } from '@/lib/free-text';
import { FEEDBACK_REASONS, MAX_FEEDBACK_COMMENT, type FeedbackReason } from './feedback-reasons';

export const feedbackInputSchema = z
  .object({
    slug: z.string().min(1).max(120),
    helpful: z.boolean(),
    reason: z.enum(Object.keys(FEEDBACK_REASONS) as [FeedbackReason, ...FeedbackReason[]]).optional(),
    // Cleaned as every free-text field (lib/free-text.ts); nothing left is no comment.
    comment: freeTextSchema(MAX_FEEDBACK_COMMENT).optional(),
  })
  .strict()
  .refine((input) => input.helpful || input.reason !== undefined || input.comment === undefined, {
    message: 'reason: say why the article did not help',
    path: ['reason'],
  });

export type FeedbackInput = z.infer<typeof feedbackInputSchema>;
