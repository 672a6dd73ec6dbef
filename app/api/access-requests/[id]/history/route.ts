// GET /api/access-requests/[id]/history – created, notified, decided (and by whom), for the requester or a site admin.
import { z } from 'zod';
import { defineRoute, json } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';
import { getAccessRequestHistory } from '@/lib/requests/get-access-request-history';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  {
    name: 'access-request-history',
    access: 'signed-in',
    rateLimit: 'read',
    params: z.object({ id: idSchema }),
  },
  async ({ db, viewer, params }) => json(await getAccessRequestHistory(db, viewer, params.id)),
);
