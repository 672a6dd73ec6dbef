import { z } from 'zod';
import { audienceFilterSchema, productFilterSchema, searchQuerySchema } from './search-request';

/**
 * What the browser reports about searching, by POST /api/search/events. One kind today: `search`,
 * a search someone settled on (the results page was shown, or they picked a result in the search
 * box), with the filters the results page applied. New kinds (a result opened, for ranking) are
 * further members of this union with their own handling in record-search-event.ts. The browser
 * never says how many results there were: the server searches again and counts.
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
]);

export type SearchEvent = z.infer<typeof searchEventSchema>;
/** The body as the browser sends it (before the query is trimmed). */
export type SearchEventInput = z.input<typeof searchEventSchema>;
