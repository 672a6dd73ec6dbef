// POST /api/access-requests/decisions – a site admin approves or denies several requests at once (all or nothing).
import { getDb } from '@/lib/db/client';
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { decideAccessRequestsInput } from '@/lib/requests/access-request-input';
import { decideAccessRequests } from '@/lib/requests/decide-access-requests';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(
  { name: 'access-request-decisions', access: 'signed-in', rateLimit: { points: 30, durationSeconds: 60 } },
  async ({ request, viewer }) => {
    const input = await parseJsonBody(request, decideAccessRequestsInput);
    return json({ requests: await decideAccessRequests(await getDb(), viewer, input) });
  },
);
