import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** One vote per visitor per article: a second vote replaces the first (unique index). */
export const articleFeedback = pgTable(
  'article_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleSlug: text('article_slug').notNull(),
    visitorId: text('visitor_id').notNull(),
    helpful: boolean('helpful').notNull(),
    reason: text('reason'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('article_feedback_visitor_article').on(table.articleSlug, table.visitorId),
    index('article_feedback_created').on(table.createdAt),
  ],
);
