import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '@/lib/db/types';
import * as schema from '@/lib/db/schema';

/** Every table in the schema, found by walking its exports (a new table is covered without edits). */
function schemaTableNames(): string[] {
  return Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableName(table))
    .sort();
}

/**
 * Row count and a content hash of every table, in one query: two snapshots differ when any row
 * was inserted, changed or deleted in between.
 */
export async function snapshotTables(
  db: Database,
  tables = schemaTableNames(),
): Promise<Record<string, string>> {
  const selects = tables.map(
    (name) =>
      `select '${name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${name}" t`,
  );
  const result = await db.execute(sql.raw(selects.join(' union all ')));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    name: string;
    digest: string;
  }[];
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
