import 'server-only';
import { sql } from 'drizzle-orm';
import { getArticle } from '@/lib/content/articles';
import type { Database } from '@/lib/db/types';
import { articleFeedback } from '@/lib/db/schema';
import { badRequest } from '@/lib/errors';
import type { FeedbackInput } from './feedback-input';

export interface StoredFeedback {
  slug: string;
  helpful: boolean;
  reason: string | null;
  comment: string | null;
  replaced: boolean;
}

/**
 * One vote per visitor per article: a second vote replaces the first in one statement. A vote
 * for an article that does not exist is refused (400 unknown_article) and stores nothing.
 */
export async function recordFeedback(
  db: Database,
  visitorId: string,
  input: FeedbackInput,
): Promise<StoredFeedback> {
  if (!getArticle(input.slug))
    throw badRequest(`slug: there is no article "${input.slug}"`, 'unknown_article');
  const reason = input.helpful ? null : (input.reason ?? null);
  const comment = input.helpful ? null : input.comment || null;
  const [row] = await db
    .insert(articleFeedback)
    .values({ articleSlug: input.slug, visitorId, helpful: input.helpful, reason, comment })
    .onConflictDoUpdate({
      target: [articleFeedback.articleSlug, articleFeedback.visitorId],
      set: { helpful: input.helpful, reason, comment, updatedAt: sql`now()` },
    })
    .returning({
      slug: articleFeedback.articleSlug,
      helpful: articleFeedback.helpful,
      reason: articleFeedback.reason,
      comment: articleFeedback.comment,
      replaced: sql<boolean>`${articleFeedback.createdAt} <> ${articleFeedback.updatedAt}`,
    });
  if (!row) throw new Error('feedback upsert returned no row');
  return row;
}
