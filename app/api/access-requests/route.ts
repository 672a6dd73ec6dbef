// GET /api/access-requests?siteId=&status=&scope= – the caller's own requests and those on sites they administer.
// POST /api/access-requests – ask a site's admins to authorize an app (201 new, 200 the existing open one).
import { parseJsonBody, parseSearchParams } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { createAccessRequestInput, listAccessRequestsQuery } from '@/lib/requests/access-request-input';
import { createAccessRequest } from '@/lib/requests/create-access-request';
import { listAccessRequests } from '@/lib/requests/list-access-requests';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  { name: 'access-requests-list', access: 'signed-in', rateLimit: 'read' },
  async ({ request, db, viewer }) => {
    const query = parseSearchParams(request, listAccessRequestsQuery);
    return json({ requests: await listAccessRequests(db, viewer, query) });
  },
);

export const POST = defineRoute(
  { name: 'access-requests-create', access: 'signed-in', rateLimit: 'newRequest' },
  async ({ request, db, viewer }) => {
    const input = await parseJsonBody(request, createAccessRequestInput);
    const { request: accessRequest, created } = await createAccessRequest(db, viewer, input);
    return json({ request: accessRequest }, { status: created ? 201 : 200 });
  },
);
