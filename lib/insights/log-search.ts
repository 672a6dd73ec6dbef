import 'server-only';
import type { Database } from '@/lib/db/types';
import { searchLog } from '@/lib/db/schema';
import { redactQuery } from './redact-query';

export interface SearchLogEntry {
  query: string;
  resultCount: number;
  ms: number;
}

/** Stores one search for insights; the query is redacted before it reaches the database. */
export async function logSearch(db: Database, entry: SearchLogEntry): Promise<void> {
  const query = redactQuery(entry.query);
  if (!query) return;
  await db.insert(searchLog).values({ query, resultCount: entry.resultCount, ms: entry.ms });
}
