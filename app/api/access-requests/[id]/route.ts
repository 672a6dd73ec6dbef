// GET /api/access-requests/[id] – one request, for its requester or an admin of its site.
// DELETE /api/access-requests/[id] – the requester withdraws their own open request.
import { z } from 'zod';
import { defineRoute, json } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';
import { getAccessRequest } from '@/lib/requests/get-access-request';
import { withdrawAccessRequest } from '@/lib/requests/withdraw-access-request';

export const dynamic = 'force-dynamic';

const params = z.object({ id: idSchema });

export const GET = defineRoute(
  { name: 'access-request', access: 'signed-in', rateLimit: 'read', params },
  async ({ db, viewer, params }) => json({ request: await getAccessRequest(db, viewer, params.id) }),
);

export const DELETE = defineRoute(
  { name: 'access-request-withdraw', access: 'signed-in', rateLimit: 'change', params },
  async ({ db, viewer, params }) => json({ request: await withdrawAccessRequest(db, viewer, params.id) }),
);
