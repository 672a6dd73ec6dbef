// POST /api/access-requests/decisions – a site admin approves or denies several requests at once (all or nothing).
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { decideAccessRequestsInput } from '@/lib/requests/access-request-input';
import { decideAccessRequests } from '@/lib/requests/decide-access-requests';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(
  { name: 'access-request-decisions', access: 'signed-in', rateLimit: 'change' },
  async ({ request, db, viewer }) => {
    const input = await parseJsonBody(request, decideAccessRequestsInput);
    return json({ requests: await decideAccessRequests(db, viewer, input) });
  },
);
