import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import { jobLeases } from './schema';
import type { Executor } from './types';

// A lease row per piece of background work, so two replicas never run the same work at once: one
// atomic upsert that only takes over an expired lease. A holder that dies simply lets it expire.

/** Takes the lease for `ttlMs` unless another holder's lease is still valid. True when taken. */
export async function acquireLease(
  db: Executor,
  name: string,
  holder: string,
  ttlMs: number,
): Promise<boolean> {
  const expiresAt = new Date(Date.now() + ttlMs);
  const taken = await db
    .insert(jobLeases)
    .values({ name, holder, expiresAt })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { holder, expiresAt },
      setWhere: sql`${jobLeases.expiresAt} < now() or ${jobLeases.holder} = ${holder}`,
    })
    .returning({ holder: jobLeases.holder });
  return taken.length > 0;
}

export async function releaseLease(db: Executor, name: string, holder: string): Promise<void> {
  await db.delete(jobLeases).where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)));
}

/** Drops leases that expired long ago (housekeeping; a stale row never blocks anyone). */
export async function deleteExpiredLeases(db: Executor, before: Date): Promise<void> {
  await db.delete(jobLeases).where(lt(jobLeases.expiresAt, before));
}

/**
 * Runs `work` while holding the lease; answers `{ ran: false }` without running it when another
 * holder has it. The lease is released afterwards, whatever happened.
 */
export async function withLease<T>(
  db: Executor,
  name: string,
  holder: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  if (!(await acquireLease(db, name, holder, ttlMs))) return { ran: false };
  try {
    return { ran: true, result: await work() };
  } finally {
    await releaseLease(db, name, holder);
  }
}
