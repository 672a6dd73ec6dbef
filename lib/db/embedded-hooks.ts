import { seedDemo } from './seed-demo';
import type { Database } from './types';

/**
 * Runs after the embedded database (PGlite) opens: the embedded default is a demo, so it seeds
 * the demo organisation on start. Seeding is idempotent and never undoes changes made in the app.
 */
export async function onEmbeddedDatabaseOpened(db: Database): Promise<void> {
  await seedDemo(db);
}
