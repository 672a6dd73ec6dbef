import 'server-only';
import { sql } from 'drizzle-orm';
import { users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { singleLine } from '@/lib/free-text';

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
  // The name is what the person typed into their Atlassian profile: one line, as everywhere it shows.
  const name = singleLine(profile.name) || profile.email;
  const [row] = await db
    .insert(users)
    .values({ ...profile, name })
    .onConflictDoUpdate({
      target: users.accountId,
      set: { email: profile.email, name, updatedAt: sql`now()` },
    })
    .returning({ id: users.id, accountId: users.accountId, email: users.email, name: users.name });
  if (!row) throw new Error('user upsert returned nothing');
  return row;
}
