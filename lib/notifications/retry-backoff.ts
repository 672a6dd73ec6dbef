/** Delivery gives up after this many attempts; the notification stays in the bell regardless. */
export const MAX_DELIVERY_ATTEMPTS = 8;

const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/** Exponential backoff after the n-th failed attempt (1-based): 1 min, 2 min, 4 min … capped at 6 h. */
export function retryDelayMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** exponent);
}
