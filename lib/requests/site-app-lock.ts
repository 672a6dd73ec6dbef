import 'server-only';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/lib/db/types';

/**
 * Serializes, per site and app, the transactions that must see each other's writes: filing an
 * access request, and pre-approving or authorizing its app (directly, or by approving a request).
 * Each writes a row the other reads, and under READ COMMITTED neither sees the other's uncommitted
 * row, so without this lock a request filed while its app was being authorized could stay open
 * for an app that no longer needs it. Held until the transaction ends; taken before any row lock.
 * The two-key form never meets the migration lock, which uses the one-key form.
 */
export async function lockSiteApp(tx: Transaction, key: { siteId: string; appId: string }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key.siteId}), hashtext(${key.appId}))`);
}

/**
 * lockSiteApp for several pairs, always in the same order, so two transactions that each need
 * several pairs (bulk decisions) wait for each other instead of deadlocking.
 */
export async function lockSiteApps(
  tx: Transaction,
  keys: Array<{ siteId: string; appId: string }>,
): Promise<void> {
  const unique = new Map(keys.map((key) => [`${key.siteId}\u0000${key.appId}`, key] as const));
  for (const name of [...unique.keys()].sort()) await lockSiteApp(tx, unique.get(name)!);
}
