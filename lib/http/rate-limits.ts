import type { RateLimitRule } from './rate-limit';

/**
 * Every route's allowance per minute, named once. Counted per signed-in user, or per client
 * address on public routes; RATE_LIMIT_MULTIPLIER scales them all (load benchmarks only).
 */
export const RATE_LIMITS = {
  /** Reads the pages' islands make as people move around, polls included; searches. */
  read: { points: 120, durationSeconds: 60 },
  /** Heavier reads: the audit log and the insights CSV export. */
  report: { points: 60, durationSeconds: 60 },
  /** What the browser sends on its own: funnel events, marking notifications read. */
  tracking: { points: 60, durationSeconds: 60 },
  /** Decisions and changes: approving, denying, authorizing, pre-approving, withdrawing. */
  change: { points: 30, durationSeconds: 60 },
  /** "Was this helpful?" votes. */
  vote: { points: 20, durationSeconds: 60 },
  /** New access requests: each one notifies every admin of the site. */
  newRequest: { points: 10, durationSeconds: 60 },
} as const satisfies Record<string, Omit<RateLimitRule, 'name'>>;

export type RateLimitName = keyof typeof RATE_LIMITS;
