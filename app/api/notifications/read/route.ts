// POST /api/notifications/read { ids } | { all: true } – mark the caller's own notifications read.
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import {
  markNotificationsRead,
  markNotificationsReadInput,
} from '@/lib/notifications/mark-notifications-read';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(
  { name: 'notifications-read', access: 'signed-in', rateLimit: 'tracking' },
  async ({ request, db, viewer }) => {
    const input = await parseJsonBody(request, markNotificationsReadInput);
    return json({ marked: await markNotificationsRead(db, viewer, input) });
  },
);
