import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { LOCALES, type Locale } from '@/lib/i18n/locales';

/** PUT /api/me/locale. */
export const setUserLocaleInput = z.object({ locale: z.enum(LOCALES) }).strict();
export type SetUserLocaleInput = z.infer<typeof setUserLocaleInput>;

/**
 * Remembers the language a person uses Greenlight in, for what no page decides: e-mails, the
 * bell, and the language their request messages are marked with. Set at sign-in from the
 * language they were browsing in, and whenever they switch language while signed in.
 */
export async function setUserLocale(db: Executor, userId: string, locale: Locale): Promise<Locale> {
  const [row] = await db
    .update(users)
    .set({ locale, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning({ locale: users.locale });
  // The session outlived its user row (deleted since sign-in): nothing to remember it on.
  return row?.locale ?? locale;
}

/** The person's stored language (English for someone Greenlight does not know). */
export async function findUserLocale(db: Executor, userId: string): Promise<Locale> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row?.locale ?? 'en';
}
