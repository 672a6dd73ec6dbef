import 'server-only';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { accessRequests, notificationOutbox } from '@/lib/db/schema';
import type { Transaction } from '@/lib/db/types';

/** A requester's new requests on one site notify its admins at most this often in 24 hours. */
export const MAX_NOTIFIED_NEW_REQUESTS_PER_DAY = 5;

/**
 * Whether the admins hear of a new request: not when the same person withdrew a request for the
 * same app on the site that notified them in the last 24 hours (withdrawing and filing again is
 * not news; asking again after a denial is, within the cap), nor past
 * MAX_NOTIFIED_NEW_REQUESTS_PER_DAY of their requests there. The request itself is
 * stored either way and shows in the admins' inbox; only the bell and the e-mail are spared.
 * Holds a per-(requester, site) lock until the transaction ends, so requests filed at once count
 * one after the other.
 */
export async function shouldNotifyOfNewRequest(
  tx: Transaction,
  request: { id: string; requesterId: string; siteId: string; appId: string },
): Promise<boolean> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`notify:${request.requesterId}`}), hashtext(${request.siteId}))`,
  );
  const notified = await tx
    .select({ appId: accessRequests.appId, status: accessRequests.status })
    .from(accessRequests)
    .where(
      and(
        eq(accessRequests.requesterId, request.requesterId),
        eq(accessRequests.siteId, request.siteId),
        ne(accessRequests.id, request.id),
        gt(accessRequests.createdAt, sql`now() - interval '1 day'`),
        sql`exists (select 1 from ${notificationOutbox} where ${notificationOutbox.payload}->>'requestId' = ${accessRequests.id}::text and ${notificationOutbox.kind} = 'access_request.created')`,
      ),
    );
  if (notified.some((row) => row.appId === request.appId && row.status === 'withdrawn')) return false;
  return notified.length < MAX_NOTIFIED_NEW_REQUESTS_PER_DAY;
}
