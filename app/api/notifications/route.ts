// GET /api/notifications[?locale=de] – the caller's in-app notifications (newest first), how many are
// unread, in the page's language (else the caller's stored one).
import { parseSearchParams } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { listNotifications, listNotificationsQuery } from '@/lib/notifications/list-notifications';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  { name: 'notifications', access: 'signed-in', rateLimit: 'read' },
  async ({ request, db, viewer }) => {
    const { locale } = parseSearchParams(request, listNotificationsQuery);
    return json(await listNotifications(db, viewer, new Date(), locale));
  },
);
