import 'server-only';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { notificationOutbox } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { z } from 'zod';
import type { Viewer } from '@/lib/auth/viewer';
import { findUserLocale } from '@/lib/auth/user-locale';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { describeNotification } from './describe-notification';
import { requestIdOf, unsafeLoadNotificationSubjects } from './load-notification-subjects';

export interface NotificationDto {
  id: string;
  kind: string;
  title: string;
  href: string;
  createdAt: string;
  read: boolean;
}

/** GET /api/notifications: the newest notifications and how many are unread. */
export interface NotificationList {
  unreadCount: number;
  notifications: NotificationDto[];
}

const LIST_LIMIT = 20;

/** GET /api/notifications?locale=: the language of the page the bell is on. */
export const listNotificationsQuery = z.object({ locale: z.enum(LOCALES).optional() }).strict();

/**
 * The viewer's own notifications, newest first, with the number still unread, in `locale` (the
 * page's language), or else in the language the viewer last used Greenlight in.
 */
export async function listNotifications(
  db: Executor,
  viewer: Viewer,
  now: Date = new Date(),
  locale?: Locale,
): Promise<NotificationList> {
  const readerLocale = locale ?? (await findUserLocale(db, viewer.userId));
  const mine = eq(notificationOutbox.recipientUserId, viewer.userId);
  const rows = await db
    .select()
    .from(notificationOutbox)
    .where(mine)
    .orderBy(desc(notificationOutbox.createdAt), desc(notificationOutbox.id))
    .limit(LIST_LIMIT);
  const [unread] = await db
    .select({ value: count() })
    .from(notificationOutbox)
    .where(and(mine, isNull(notificationOutbox.readAt)));
  const subjects = await unsafeLoadNotificationSubjects(
    db,
    rows.map((row) => requestIdOf(row.payload)).filter((id): id is string => id !== null),
  );
  const notifications = rows.flatMap((row) => {
    const requestId = requestIdOf(row.payload);
    const subject = requestId ? subjects.get(requestId) : undefined;
    if (!subject) return [];
    const { title, href } = describeNotification(row.kind, row.payload, subject, now, readerLocale);
    return [
      {
        id: row.id,
        kind: row.kind,
        title,
        href,
        createdAt: row.createdAt.toISOString(),
        read: row.readAt !== null,
      },
    ];
  });
  return { unreadCount: Number(unread?.value ?? 0), notifications };
}
