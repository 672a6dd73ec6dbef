// The "Was this helpful?" vocabulary, without zod: the article page's widget imports it, and the
// validation schema (feedback-input.ts) would otherwise ship zod to every article reader.

export const FEEDBACK_REASONS = {
  'not-my-problem': 'It did not describe my problem',
  'hard-to-follow': 'The steps were hard to follow',
  inaccurate: 'Something is wrong or out of date',
  'did-not-work': 'I followed it, but it did not fix the problem',
  other: 'Something else',
} as const;

export type FeedbackReason = keyof typeof FEEDBACK_REASONS;

export const MAX_FEEDBACK_COMMENT = 1000;
