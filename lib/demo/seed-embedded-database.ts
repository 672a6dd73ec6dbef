import { count } from 'drizzle-orm';
import 'server-only';
import { organizations } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { seedDemo } from './seed-demo';
import { seedDemoActivity } from './seed-demo-activity';

/**
 * The embedded database's hook (lib/db/client.ts `onEmbeddedDatabaseOpened`, registered by
 * instrumentation.ts and scripts/db-seed.ts). Runs after the embedded database (PGlite) opens: the embedded default is a demo, so it seeds
 * the demo organisation on every start (idempotent, never undoing changes made in the app) and,
 * on the very first start only, thirty days of demo activity so /admin/insights has something
 * to show (`npm run db:seed -- --demo-activity` does the same on demand).
 */
export async function seedEmbeddedDatabase(db: Database): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(organizations);
  const firstStart = (existing?.n ?? 0) === 0;
  await seedDemo(db);
  if (firstStart) await seedDemoActivity(db);
}
