// POST /api/access-requests/[id]/decision – a site admin approves or denies an open request.
import { getDb } from '@/lib/db/client';
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { decideAccessRequestInput } from '@/lib/requests/access-request-input';
import { decideAccessRequest } from '@/lib/requests/decide-access-request';

export const dynamic = 'force-dynamic';

export const POST = defineRoute<{ id: string }>(
  { name: 'access-request-decision', access: 'signed-in', rateLimit: { points: 30, durationSeconds: 60 } },
  async ({ request, viewer, params }) => {
    const input = await parseJsonBody(request, decideAccessRequestInput);
    return json({ request: await decideAccessRequest(await getDb(), viewer, params.id, input) });
  },
);
