import 'server-only';
import { and, eq, isNull, lte } from 'drizzle-orm';
import { DAY_MS, type Clock } from '@/lib/clock';
import { accessRequests } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { unsafeListSiteAdmins } from '@/lib/directory/list-site-admins';
import { queueNotifications } from './queue-notifications';

/**
 * Reminds a site's admins, once, of each request open longer than `reminderDays`. Setting
 * reminded_at in the same UPDATE that picks the rows is what makes it exactly once, across
 * ticks and across replicas.
 */
export async function remindSiteAdmins(db: Database, clock: Clock, reminderDays: number): Promise<string[]> {
  const now = clock();
  const cutoff = new Date(now.getTime() - reminderDays * DAY_MS);
  return db.transaction(async (tx) => {
    const due = await tx
      .update(accessRequests)
      .set({ remindedAt: now })
      .where(
        and(
          eq(accessRequests.status, 'open'),
          isNull(accessRequests.remindedAt),
          lte(accessRequests.createdAt, cutoff),
        ),
      )
      .returning({
        id: accessRequests.id,
        siteId: accessRequests.siteId,
        appId: accessRequests.appId,
        requesterId: accessRequests.requesterId,
        createdAt: accessRequests.createdAt,
      });
    for (const request of due) {
      const adminIds = (await unsafeListSiteAdmins(tx, request.siteId)).map((admin) => admin.id);
      await queueNotifications(tx, 'access_request.reminder', adminIds, {
        requestId: request.id,
        siteId: request.siteId,
        appId: request.appId,
        requesterId: request.requesterId,
        openSince: request.createdAt.toISOString(),
      });
    }
    return due.map((request) => request.id);
  });
}
