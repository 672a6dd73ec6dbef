import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migratePglite } from '@/lib/db/migrate';

/**
 * Vitest's global setup: one migrated PGlite cluster, dumped to a file that every test database
 * starts from (see openPglite's `template`). Creating a cluster costs seconds of WebAssembly
 * initdb; loading a dump costs a fraction of that, and the suite opens dozens of databases.
 */
const TEMPLATE_ENV = 'GREENLIGHT_TEST_PGLITE_TEMPLATE';

export default async function setup() {
  const file = path.join(tmpdir(), `greenlight-pglite-template-${process.pid}.tar`);
  const client = new PGlite();
  await migratePglite(client);
  const dump = await client.dumpDataDir('none');
  await client.close();
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_ENV] = file;
  return () => rmSync(file, { force: true });
}

let cached: Blob | undefined;

/** The migrated cluster made by the global setup, or undefined when a test runs without it. */
export function pgliteTemplate(): Blob | undefined {
  const file = process.env[TEMPLATE_ENV];
  if (!file) return undefined;
  cached ??= new Blob([readFileSync(file)]);
  return cached;
}
