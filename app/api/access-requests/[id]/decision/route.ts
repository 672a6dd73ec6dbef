// POST /api/access-requests/[id]/decision – a site admin approves or denies an open request.
import { z } from 'zod';
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';
import { decideAccessRequestInput } from '@/lib/requests/access-request-input';
import { decideOneAccessRequest } from '@/lib/requests/decide-access-requests';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(
  {
    name: 'access-request-decision',
    access: 'signed-in',
    rateLimit: 'change',
    params: z.object({ id: idSchema }),
  },
  async ({ request, db, viewer, params }) => {
    const input = await parseJsonBody(request, decideAccessRequestInput);
    return json({ request: await decideOneAccessRequest(db, viewer, params.id, input) });
  },
);
