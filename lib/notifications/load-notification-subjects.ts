import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accessRequests, apps, sites, users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import type { NotificationSubject } from './describe-notification';

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

export const requestIdOf = (payload: Record<string, unknown>) =>
  typeof payload.requestId === 'string' ? payload.requestId : null;

/**
 * The access requests that notifications are about, by id. Unscoped: callers pass the ids of
 * notifications already addressed to the viewer (or, for delivery, to the recipient).
 */
export async function unsafeLoadNotificationSubjects(
  db: Executor,
  requestIds: string[],
): Promise<Map<string, NotificationSubject>> {
  const ids = [...new Set(requestIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      requestId: accessRequests.id,
      siteName: sites.name,
      siteUrl: sites.url,
      appName: apps.name,
      requesterName: requester.name,
      message: accessRequests.message,
      reason: accessRequests.decisionReason,
      deciderName: decider.name,
      createdAt: accessRequests.createdAt,
    })
    .from(accessRequests)
    .innerJoin(sites, eq(sites.id, accessRequests.siteId))
    .innerJoin(apps, eq(apps.id, accessRequests.appId))
    .innerJoin(requester, eq(requester.id, accessRequests.requesterId))
    .leftJoin(decider, eq(decider.id, accessRequests.decidedBy))
    .where(inArray(accessRequests.id, ids));
  return new Map(rows.map((row) => [row.requestId, row]));
}
