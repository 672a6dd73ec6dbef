import { z } from 'zod';
import { ACCESS_REQUEST_STATUSES } from '@/lib/db/schema';
import { freeTextSchema } from '@/lib/free-text';
import { trimmedIdSchema as id } from '@/lib/ids';

const MESSAGE_MAX_LENGTH = 1000;

// Messages and reasons: lib/free-text.ts cleans them, as every free-text field.
const freeText = freeTextSchema(MESSAGE_MAX_LENGTH);

export const createAccessRequestInput = z
  .object({
    siteId: id,
    appId: id,
    message: freeText.optional(),
    /**
     * The consent page the requester saw; read by lib/flows/consent-url.ts, which refuses a long
     * one with a clear message (the bound here only stops a body that is not a URL at all).
     */
    consentUrl: z.string().max(20_000).optional(),
  })
  .strict();

// The requester is told why: a denial without a reason leaves them nowhere to go.
const requireReasonToDeny = (
  value: { decision: 'approve' | 'deny'; reason?: string | undefined },
  ctx: z.RefinementCtx,
) => {
  if (value.decision === 'deny' && !value.reason) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['reason'],
      message: 'a reason is required to deny a request',
    });
  }
};

export const decideAccessRequestInput = z
  .object({ decision: z.enum(['approve', 'deny']), reason: freeText.optional() })
  .strict()
  .superRefine(requireReasonToDeny);

const MAX_BULK_DECISIONS = 100;

export const decideAccessRequestsInput = z
  .object({
    ids: z.array(id).min(1).max(MAX_BULK_DECISIONS),
    decision: z.enum(['approve', 'deny']),
    reason: freeText.optional(),
  })
  .strict()
  .superRefine(requireReasonToDeny);

export const listAccessRequestsQuery = z
  .object({
    siteId: id.optional(),
    status: z.enum(ACCESS_REQUEST_STATUSES).optional(),
    /** mine: requests I made; to-decide: requests on sites I administer; all: both. */
    scope: z.enum(['all', 'mine', 'to-decide']).default('all'),
  })
  .strict();

export type CreateAccessRequestInput = z.infer<typeof createAccessRequestInput>;
export type DecideAccessRequestInput = z.infer<typeof decideAccessRequestInput>;
export type DecideAccessRequestsInput = z.infer<typeof decideAccessRequestsInput>;
export type ListAccessRequestsQuery = z.infer<typeof listAccessRequestsQuery>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Request ids are UUIDs; anything else cannot exist, so callers answer 404 rather than 400. */
export function isAccessRequestId(value: string): boolean {
  return UUID.test(value);
}
