import 'server-only';
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { getArticles } from '@/lib/content/articles';
import { accessRequests, articleFeedback, flowEvents, searchLog, users } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { getFlows } from '@/lib/flows/load';
import {
  DEMO_ACTIVITY_ID_PREFIX,
  DEMO_ACTIVITY_REQUESTERS,
  generateDemoActivity,
  type DemoActivity,
} from './demo-activity';

const CHUNK = 250;

async function insertInChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

const demoRows = (column: AnyPgColumn) => sql`${column}::text like ${`${DEMO_ACTIVITY_ID_PREFIX}%`}`;

/**
 * Replaces the demo activity of an earlier run with a fresh 30 days ending now, in one
 * transaction. Needs the demo organisation (seedDemo) for its sites, apps and admins. Rows that
 * people created in the app are never touched: only ids with the demo prefix are deleted.
 */
export async function seedDemoActivity(db: Database, now = new Date()): Promise<DemoActivity> {
  const activity = generateDemoActivity({
    now,
    flows: getFlows(),
    articleSlugs: getArticles().map((article) => article.slug),
  });
  await db.transaction(async (tx) => {
    await tx.delete(searchLog).where(demoRows(searchLog.id));
    await tx.delete(articleFeedback).where(demoRows(articleFeedback.id));
    await tx.delete(flowEvents).where(demoRows(flowEvents.id));
    await tx.delete(accessRequests).where(demoRows(accessRequests.id));
    await tx
      .insert(users)
      .values(
        DEMO_ACTIVITY_REQUESTERS.map(({ id, accountId, email, name }) => ({ id, accountId, email, name })),
      )
      .onConflictDoNothing();
    await insertInChunks(activity.searches, (chunk) => tx.insert(searchLog).values(chunk));
    await insertInChunks(activity.votes, (chunk) => tx.insert(articleFeedback).values(chunk));
    await insertInChunks(activity.flowEvents, (chunk) => tx.insert(flowEvents).values(chunk));
    await insertInChunks(activity.requests, (chunk) => tx.insert(accessRequests).values(chunk));
  });
  return activity;
}
