import 'server-only';
import { and, eq, gt, gte, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { searchResultOpens, searchUsageSignal } from '@/lib/db/schema';
import { redactQuery } from '@/lib/insights/redact-query';
import { queryFamily } from './query-family';
import { aggregateEvidence, MIN_VISITORS, VOTE_WINDOW_HOURS, type UsageAggregate } from './usage-signal';

/**
 * The usage signal's storage: each visitor's say per family and article (search_result_opens), and
 * the aggregate the search process reads (search_usage_signal), recomputed for one family and
 * article on every write that touches it, so reading it is one small select off the search path.
 */

export interface ResultOpen {
  /** Keyed hash of the anonymous visitor cookie (lib/http/visitor.ts). */
  visitorHash: string;
  q: string;
  slug: string;
}

/** Stores that a visitor opened `slug` from a search for `q`; false when the query has no family. */
export async function recordResultOpen(db: Database, open: ResultOpen, now = new Date()): Promise<boolean> {
  const family = queryFamily(open.q);
  const query = redactQuery(open.q);
  if (!family || !query) return false;
  await db
    .insert(searchResultOpens)
    .values({
      family,
      articleSlug: open.slug,
      visitorHash: open.visitorHash,
      query,
      openedAt: now,
      lastAt: now,
    })
    .onConflictDoUpdate({
      target: [searchResultOpens.family, searchResultOpens.articleSlug, searchResultOpens.visitorHash],
      // Opening it again is no new opinion: a vote they gave stays theirs.
      set: { query, openedAt: now, lastAt: now },
    });
  await recomputeUsage(db, family, open.slug, now);
  return true;
}

/**
 * A "Was this helpful?" vote: it becomes the visitor's say for every family they opened the article
 * from within VOTE_WINDOW_HOURS. A vote on an article not reached by search changes nothing here.
 */
export async function recordVoteAfterOpen(
  db: Database,
  vote: { visitorHash: string; slug: string; helpful: boolean },
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - VOTE_WINDOW_HOURS * 60 * 60 * 1000);
  const touched = await db
    .update(searchResultOpens)
    .set({ helpful: vote.helpful, lastAt: now })
    .where(
      and(
        eq(searchResultOpens.visitorHash, vote.visitorHash),
        eq(searchResultOpens.articleSlug, vote.slug),
        gte(searchResultOpens.openedAt, since),
      ),
    )
    .returning({ family: searchResultOpens.family });
  for (const { family } of touched) await recomputeUsage(db, family, vote.slug, now);
  return touched.length;
}

/**
 * Recomputes one family and article from every visitor's say. The visitors' rows are locked first,
 * so two writes for the same pair apply one after the other and the later one sees both.
 */
export async function recomputeUsage(db: Database, family: string, slug: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const where = and(eq(searchResultOpens.family, family), eq(searchResultOpens.articleSlug, slug));
    const rows = await tx
      .select({
        helpful: searchResultOpens.helpful,
        at: searchResultOpens.lastAt,
        query: searchResultOpens.query,
      })
      .from(searchResultOpens)
      .where(where)
      .orderBy(searchResultOpens.lastAt)
      .for('update');
    if (rows.length === 0) return;
    const aggregate = aggregateEvidence(family, slug, rows, now);
    const values = {
      query: rows[rows.length - 1]!.query,
      visitors: aggregate.visitors,
      helpful: rows.filter((row) => row.helpful === true).length,
      notHelpful: rows.filter((row) => row.helpful === false).length,
      evidence: aggregate.evidence,
      weight: aggregate.weight,
      computedAt: now,
    };
    await tx
      .insert(searchUsageSignal)
      .values({ family, articleSlug: slug, ...values })
      .onConflictDoUpdate({ target: [searchUsageSignal.family, searchUsageSignal.articleSlug], set: values });
  });
}

export interface StoredUsage extends UsageAggregate {
  query: string;
  helpful: number;
  notHelpful: number;
}

/** The aggregates with enough visitors to count: what the search process loads. */
export async function loadUsageAggregates(db: Database): Promise<StoredUsage[]> {
  const rows = await db
    .select()
    .from(searchUsageSignal)
    .where(
      and(gte(searchUsageSignal.visitors, MIN_VISITORS), gt(sql`abs(${searchUsageSignal.evidence})`, 0)),
    );
  return rows.map((row) => ({
    family: row.family,
    slug: row.articleSlug,
    query: row.query,
    visitors: row.visitors,
    helpful: row.helpful,
    notHelpful: row.notHelpful,
    evidence: row.evidence,
    weight: row.weight,
    computedAt: row.computedAt,
  }));
}
