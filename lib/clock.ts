/**
 * The time as background jobs see it. Injected everywhere a rule depends on "now" (expiry,
 * reminders, retry backoff) so tests can move time instead of waiting for it.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const DAY_MS = 24 * 60 * 60 * 1000;
