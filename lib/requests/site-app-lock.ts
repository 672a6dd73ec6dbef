import 'server-only';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/lib/db/types';

/**
 * Serializes, per site and app, the transactions that must see each other's writes: filing an
 * access request and pre-approving its app. Each inserts a row the other reads, and under READ
 * COMMITTED neither sees the other's uncommitted row, so without this lock a request filed while
 * its app was being pre-approved could stay open. Held until the transaction ends.
 * The two-key form never meets the migration lock, which uses the one-key form.
 */
export async function lockSiteApp(tx: Transaction, key: { siteId: string; appId: string }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key.siteId}), hashtext(${key.appId}))`);
}
