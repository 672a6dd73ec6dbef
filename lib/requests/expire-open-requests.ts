import 'server-only';
import { and, eq, lte } from 'drizzle-orm';
import { DAY_MS, type Clock } from '@/lib/clock';
import { accessRequests } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { queueNotifications } from './queue-notifications';
import { recordAudit } from '@/lib/db/audit-log';

/**
 * Closes requests left open longer than `expiryDays` and tells each requester, so nobody waits
 * forever on an admin who moved on. One UPDATE picks the rows, so replicas running this at the
 * same time expire (and notify) each request once. System action: audited with no actor.
 */
export async function expireOpenRequests(db: Database, clock: Clock, expiryDays: number): Promise<string[]> {
  const now = clock();
  const cutoff = new Date(now.getTime() - expiryDays * DAY_MS);
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(accessRequests)
      .set({ status: 'expired', decidedAt: now, updatedAt: now })
      .where(and(eq(accessRequests.status, 'open'), lte(accessRequests.createdAt, cutoff)))
      .returning({
        id: accessRequests.id,
        siteId: accessRequests.siteId,
        appId: accessRequests.appId,
        requesterId: accessRequests.requesterId,
      });
    for (const request of expired) {
      await recordAudit(tx, {
        actorUserId: null,
        action: 'access_request.expired',
        siteId: request.siteId,
        target: request.id,
        details: { appId: request.appId, requesterId: request.requesterId, afterDays: expiryDays },
      });
      await queueNotifications(tx, 'access_request.expired', [request.requesterId], {
        requestId: request.id,
        siteId: request.siteId,
        appId: request.appId,
        expiryDays,
      });
    }
    return expired.map((request) => request.id);
  });
}
