import type { Database } from './types';

/**
 * Runs after the embedded database (PGlite) opens: the embedded default is a demo, so it seeds
 * itself on first start. Seeding is idempotent.
 */
export async function onEmbeddedDatabaseOpened(_db: Database): Promise<void> {
  // The demo organisation seed arrives with the site directory.
}
