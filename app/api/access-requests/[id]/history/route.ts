// GET /api/access-requests/[id]/history – created, notified, decided (and by whom), for the requester or a site admin.
import { getDb } from '@/lib/db/client';
import { defineRoute, json } from '@/lib/http/route';
import { getAccessRequestHistory } from '@/lib/requests/get-access-request-history';

export const dynamic = 'force-dynamic';

export const GET = defineRoute<{ id: string }>(
  { name: 'access-request-history', access: 'signed-in', rateLimit: { points: 120, durationSeconds: 60 } },
  async ({ viewer, params }) => json(await getAccessRequestHistory(await getDb(), viewer, params.id)),
);
