import { z } from 'zod';
import { cleanFreeText } from '@/lib/free-text';
import { browseParamsSchema } from '@/lib/content/browse';
import { AUDIENCES, PRODUCTS } from '@/lib/content/schema';
import { DEFAULT_SEARCH_LOCALE, SEARCH_LOCALES } from './locales';

export const MAX_QUERY_LENGTH = 200;

/** A query as the API takes it: control characters dropped, trimmed, 1 to MAX_QUERY_LENGTH characters. */
export const searchQuerySchema = z
  .string()
  // Cleaned as every free-text field (lib/free-text.ts): a query may be stored in the search log.
  .transform(cleanFreeText)
  .pipe(
    z
      .string()
      .min(1, 'q: type at least one character')
      .max(MAX_QUERY_LENGTH, `q: at most ${MAX_QUERY_LENGTH} characters`),
  );

export const productFilterSchema = z
  .enum(PRODUCTS, { errorMap: () => ({ message: `product: one of ${PRODUCTS.join(', ')}` }) })
  .optional();

export const audienceFilterSchema = z
  .enum(AUDIENCES, { errorMap: () => ({ message: `audience: one of ${AUDIENCES.join(', ')}` }) })
  .optional();

/** Bounds and allowlists for GET /api/search; unknown facet values are rejected, not ignored. */
export const searchRequestSchema = z
  .object({
    q: searchQuerySchema,
    product: productFilterSchema,
    audience: audienceFilterSchema,
    limit: z.coerce
      .number({ invalid_type_error: 'limit: a whole number from 1 to 50' })
      .int('limit: a whole number from 1 to 50')
      .min(1, 'limit: a whole number from 1 to 50')
      .max(50, 'limit: a whole number from 1 to 50')
      .default(10),
    /** The reader's language: its articles first, English as the fallback. */
    locale: z
      .enum(SEARCH_LOCALES, { errorMap: () => ({ message: `locale: one of ${SEARCH_LOCALES.join(', ')}` }) })
      .default(DEFAULT_SEARCH_LOCALE),
  })
  .strict();

export type SearchRequest = z.infer<typeof searchRequestSchema>;

/**
 * The /search page's URL: the same bounds as the API, but a page never answers 400: the query is
 * trimmed and cut to length, an unknown facet is no facet, and no query shows the search form.
 */
export const searchPageParamsSchema = browseParamsSchema.extend({
  q: z
    .string()
    .optional()
    .transform((q) => (q ?? '').trim().slice(0, MAX_QUERY_LENGTH)),
});
