import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DEMO_USERS } from '@/lib/db/seed-demo';
import { users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';

export interface SignedInUser {
  id: string;
  accountId: string;
  email: string;
  name: string;
}

/** Records (or refreshes) the person behind an Atlassian sign-in, keyed by their account id. */
export async function upsertSignedInUser(
  db: Executor,
  profile: { accountId: string; email: string; name: string },
): Promise<SignedInUser> {
  const [row] = await db
    .insert(users)
    .values(profile)
    .onConflictDoUpdate({
      target: users.accountId,
      set: { email: profile.email, name: profile.name, updatedAt: sql`now()` },
    })
    .returning({ id: users.id, accountId: users.accountId, email: users.email, name: users.name });
  if (!row) throw new Error('user upsert returned nothing');
  return row;
}

/** A seeded demo person by e-mail; anyone else (even an existing user) cannot use demo sign-in. */
export async function findDemoUser(db: Executor, email: string): Promise<SignedInUser | null> {
  const demo = DEMO_USERS.find((user) => user.email === email.trim().toLowerCase());
  if (!demo) return null;
  const [row] = await db
    .select({ id: users.id, accountId: users.accountId, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, demo.id), inArray(users.email, [demo.email])));
  return row ?? null;
}
