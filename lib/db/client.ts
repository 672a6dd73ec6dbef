import 'server-only';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { getConfig } from '@/lib/config';
import { migratePglite, migratePostgres } from './migrate';
import type { Database, DatabaseHandle } from './types';
import * as schema from './schema';

export type { DatabaseHandle } from './types';

export interface PgliteOptions {
  /**
   * A data directory dumped by PGlite (`dumpDataDir`) to start from instead of an empty one.
   * Creating a cluster (initdb in WebAssembly) is most of what opening PGlite costs; the test
   * suite opens dozens of in-memory databases, so it makes one migrated cluster and loads copies.
   */
  template?: Blob;
}

/** Opens PGlite in a directory (or in memory when dataDir is undefined) and applies migrations. */
export async function openPglite(
  dataDir: string | undefined,
  { template }: PgliteOptions = {},
): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir, template ? { loadDataDir: template } : {});
  await migratePglite(client);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    executeSql: async (text, values) =>
      // Several statements in one text (a library's migration) go through exec, which takes no parameters.
      values?.length ? client.query(text, values) : { rows: (await client.exec(text)).at(-1)?.rows ?? [] },
    close: () => client.close(),
  };
}

/** Opens a PostgreSQL pool and applies migrations under an advisory lock. */
export async function openPostgres(connectionString: string): Promise<DatabaseHandle> {
  await migratePostgres(connectionString);
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    // A database that goes silent (a network partition) never fails a query on an open pooled
    // connection: it hangs until TCP gives up, hours later. Give up on the answer instead, so the
    // request gets its 503 (e2e/faults.spec.ts). Greenlight's queries take milliseconds.
    query_timeout: 10_000,
    keepAlive: true,
  });
  // An idle client losing its connection (database restart) must not crash the server.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    executeSql: async (text, values) => pool.query(text, values),
    close: () => pool.end(),
  };
}

/** Work to do on the embedded database once it is open (the demo seed), before anyone uses it. */
export type EmbeddedDatabaseHook = (db: Database) => Promise<void>;

// Kept on globalThis so that every route bundle in one server process shares one connection
// (PGlite must never be opened twice on the same directory), and sees the hook registered once.
const holder = globalThis as typeof globalThis & {
  __greenlightDb?: Promise<DatabaseHandle>;
  __greenlightEmbeddedHook?: EmbeddedDatabaseHook;
};

/**
 * Registers what runs when the embedded database opens. The embedded default is a demo, and the
 * demo's seed lives in lib/demo, above the domain: the database layer must not import it, so the
 * server (instrumentation.ts) and scripts/db-seed.ts hand it in here.
 */
export function onEmbeddedDatabaseOpened(hook: EmbeddedDatabaseHook | undefined): void {
  holder.__greenlightEmbeddedHook = hook;
}

async function openConfigured(): Promise<DatabaseHandle> {
  const config = getConfig();
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  const handle = await openPglite(path.resolve(config.GREENLIGHT_DATA_DIR));
  await holder.__greenlightEmbeddedHook?.(handle.db);
  return handle;
}

/** The process-wide database. A failed open is not cached, so the next request tries again. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!holder.__greenlightDb) {
    const opening = openConfigured();
    holder.__greenlightDb = opening;
    opening.catch(() => {
      if (holder.__greenlightDb === opening) holder.__greenlightDb = undefined;
    });
  }
  return holder.__greenlightDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Tests hand in their own database (PGlite in memory or a fresh PostgreSQL database). */
export function setDatabaseForTests(handle: DatabaseHandle | undefined): void {
  holder.__greenlightDb = handle ? Promise.resolve(handle) : undefined;
}
