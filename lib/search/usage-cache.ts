import 'server-only';
import { getDb } from '@/lib/db/client';
import type { Database } from '@/lib/db/types';
import { logger } from '@/lib/log';
import { queryFamily } from './query-family';
import { buildUsageBoosts, NO_USAGE_BOOSTS, type UsageBoosts } from './usage-signal';
import { loadUsageAggregates } from './usage-store';

/**
 * The usage signal as the search process holds it: loaded from the aggregate table, kept for
 * USAGE_TTL_MS, then reloaded in the background while searches go on with what is in memory.
 * A search never waits on the database (GET /api/search is declared `database: 'none'`).
 */

export const USAGE_TTL_MS = 60_000;

interface UsageState {
  boosts: UsageBoosts;
  loadedAt: number;
  refreshing?: Promise<void>;
}

// On globalThis, like the search index: every route bundle of one process shares it.
const holder = globalThis as typeof globalThis & { __greenlightUsage?: UsageState };
const state = (): UsageState =>
  (holder.__greenlightUsage ??= { boosts: NO_USAGE_BOOSTS, loadedAt: -Infinity });

/** Reloads the signal now (tests, and the background reload); a failure keeps the last one. */
export async function refreshUsageBoosts(db?: Database, now = new Date()): Promise<void> {
  const current = state();
  try {
    const aggregates = await loadUsageAggregates(db ?? (await getDb()));
    current.boosts = buildUsageBoosts(aggregates, now);
  } catch (error) {
    logger.warn({ err: error }, 'search usage signal not reloaded');
  } finally {
    current.loadedAt = now.getTime();
  }
}

/**
 * The boosts for one query (article slug → share of its score), or undefined when nothing was
 * learned for its family. Starts a background reload when the signal is older than the TTL.
 */
export function usageBoostsFor(q: string, now = Date.now()): ReadonlyMap<string, number> | undefined {
  const current = state();
  if (now - current.loadedAt > USAGE_TTL_MS && !current.refreshing) {
    current.refreshing = refreshUsageBoosts().finally(() => (current.refreshing = undefined));
  }
  // Most processes have learned nothing yet: no family is worked out for them.
  if (current.boosts.size === 0) return undefined;
  const family = queryFamily(q);
  return family ? current.boosts.get(family) : undefined;
}

/** Forgets the signal (tests); the next search reloads it. */
export function resetUsageBoosts(): void {
  holder.__greenlightUsage = undefined;
}
