// GET /api/access-requests/[id] – one request, for its requester or an admin of its site.
// DELETE /api/access-requests/[id] – the requester withdraws their own open request.
import { getDb } from '@/lib/db/client';
import { defineRoute, json } from '@/lib/http/route';
import { getAccessRequest } from '@/lib/requests/get-access-request';
import { withdrawAccessRequest } from '@/lib/requests/withdraw-access-request';

export const dynamic = 'force-dynamic';

export const GET = defineRoute<{ id: string }>(
  { name: 'access-request', access: 'signed-in', rateLimit: { points: 120, durationSeconds: 60 } },
  async ({ viewer, params }) => json({ request: await getAccessRequest(await getDb(), viewer, params.id) }),
);

export const DELETE = defineRoute<{ id: string }>(
  { name: 'access-request-withdraw', access: 'signed-in', rateLimit: { points: 30, durationSeconds: 60 } },
  async ({ viewer, params }) =>
    json({ request: await withdrawAccessRequest(await getDb(), viewer, params.id) }),
);
