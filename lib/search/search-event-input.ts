import { z } from 'zod';
import { audienceFilterSchema, productFilterSchema, searchQuerySchema } from './search-request';

/** An article's slug as URLs carry it. */
const articleSlugSchema = z
  .string()
  .max(120, 'slug: at most 120 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug: an article slug, such as revoke-an-app');

/**
 * What the browser reports about searching, by POST /api/search/events, each kind with its own
 * handling in record-search-event.ts:
 * - `search`: a search someone settled on (the results page was shown, or they picked a result in
 *   the search box), with the filters the results page applied. The browser never says how many
 *   results there were: the server searches again and counts.
 * - `open`: a result someone opened from a search for `q` (the usage signal, usage-signal.ts).
 */
export const searchEventSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('search'),
      q: searchQuerySchema,
      product: productFilterSchema,
      audience: audienceFilterSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('open'),
      q: searchQuerySchema,
      slug: articleSlugSchema,
    })
    .strict(),
]);

export type SearchEvent = z.infer<typeof searchEventSchema>;
/** The body as the browser sends it (before the query is trimmed). */
export type SearchEventInput = z.input<typeof searchEventSchema>;
