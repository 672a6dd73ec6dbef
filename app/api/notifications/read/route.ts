// POST /api/notifications/read { ids } | { all: true } – mark the caller's own notifications read.
import { getDb } from '@/lib/db/client';
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import {
  markNotificationsRead,
  markNotificationsReadInput,
} from '@/lib/notifications/mark-notifications-read';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(
  { name: 'notifications-read', access: 'signed-in', rateLimit: { points: 60, durationSeconds: 60 } },
  async ({ request, viewer }) => {
    const input = await parseJsonBody(request, markNotificationsReadInput);
    return json({ marked: await markNotificationsRead(await getDb(), viewer, input) });
  },
);
