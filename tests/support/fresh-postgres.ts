import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

// A PostgreSQL database of its own for one test run or benchmark: created empty, migrated and
// seeded with the demo organisation by the app's own script, dropped at the end.

export interface FreshDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

/** The server that fresh databases are created on (CI's TEST_DATABASE_URL, else the local one). */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export async function createFreshDatabase(
  prefix: string,
  adminUrl = adminDatabaseUrl(),
): Promise<FreshDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`bad database prefix ${prefix}`);
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Applies migrations and loads the demo organisation, as `npm run db:seed` does. */
export function seedDemoDatabase(databaseUrl: string): void {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, ['--conditions=react-server', 'scripts/db-seed.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`seeding ${databaseUrl} failed:\n${result.stderr}${result.stdout}`);
}
