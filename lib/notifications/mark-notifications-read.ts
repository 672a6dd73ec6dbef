import 'server-only';
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { notificationOutbox } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import type { Viewer } from '@/lib/auth/viewer';

export const markNotificationsReadInput = z.union([
  z.object({ ids: z.array(z.string().uuid()).min(1).max(100) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;

/** Marks the viewer's own notifications read; ids of anyone else's are silently left alone. */
export async function markNotificationsRead(
  db: Executor,
  viewer: Viewer,
  input: MarkNotificationsReadInput,
): Promise<number> {
  const conditions: SQL[] = [
    eq(notificationOutbox.recipientUserId, viewer.userId),
    isNull(notificationOutbox.readAt),
  ];
  if ('ids' in input) conditions.push(inArray(notificationOutbox.id, input.ids));
  const updated = await db
    .update(notificationOutbox)
    .set({ readAt: new Date() })
    .where(and(...conditions))
    .returning({ id: notificationOutbox.id });
  return updated.length;
}
