import 'server-only';
import { sql } from 'drizzle-orm';
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
