import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openPglite, openPostgres, setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { pgliteTemplate } from './pglite-template';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  open(): Promise<DatabaseHandle>;
}

/**
 * The backends database tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set
 * (CI sets it). Each open() on PostgreSQL creates a fresh database, dropped on close.
 */
/** PGlite in memory, from the suite's migrated template: for suites whose subject does not depend on the backend. */
export const pgliteBackend: TestBackend = {
  name: 'pglite',
  open: () => openPglite(undefined, { template: pgliteTemplate() }),
};

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [pgliteBackend];
  const url = process.env.TEST_DATABASE_URL;
  if (url) backends.push({ name: 'postgres', open: () => openFreshPostgres(url) });
  return backends;
}

async function openFreshPostgres(adminUrl: string): Promise<DatabaseHandle> {
  const name = `gl_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export interface SuiteDatabase {
  readonly handle: DatabaseHandle;
  readonly db: DatabaseHandle['db'];
}

/**
 * Opens the backend for one describe block and installs it as the app's database (so route
 * handlers under test use it); closes it when the block ends.
 */
export function openSuiteDatabase(
  backend: TestBackend,
  options: { seed?: (db: DatabaseHandle['db']) => Promise<unknown> } = {},
): SuiteDatabase {
  let current: DatabaseHandle | undefined;
  beforeAll(async () => {
    current = await backend.open();
    await options.seed?.(current.db);
    setDatabaseForTests(current);
  });
  afterAll(async () => {
    setDatabaseForTests(undefined);
    await current?.close();
  });
  const handle = () => {
    if (!current) throw new Error('the suite database is open only inside tests');
    return current;
  };
  return {
    get handle() {
      return handle();
    },
    get db() {
      return handle().db;
    },
  };
}
