// GET /api/notifications – the caller's in-app notifications (newest first) and how many are unread.
import { defineRoute, json } from '@/lib/http/route';
import { listNotifications } from '@/lib/notifications/list-notifications';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  { name: 'notifications', access: 'signed-in', rateLimit: 'read' },
  async ({ db, viewer }) => json(await listNotifications(db, viewer)),
);
