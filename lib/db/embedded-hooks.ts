import { count } from 'drizzle-orm';
import { seedDemoActivity } from '@/lib/insights/seed-demo-activity';
import { organizations } from './schema';
import { seedDemo } from './seed-demo';
import type { Database } from './types';

/**
 * Runs after the embedded database (PGlite) opens: the embedded default is a demo, so it seeds
 * the demo organisation on every start (idempotent, never undoing changes made in the app) and,
 * on the very first start only, thirty days of demo activity so /admin/insights has something
 * to show (`npm run db:seed -- --demo-activity` does the same on demand).
 */
export async function onEmbeddedDatabaseOpened(db: Database): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(organizations);
  const firstStart = (existing?.n ?? 0) === 0;
  await seedDemo(db);
  if (firstStart) await seedDemoActivity(db);
}
