// PUT /api/sites/[siteId]/apps/[appId]/authorization – a site admin authorizes an app (approves open requests).
// DELETE – a site admin withdraws the authorization. Both idempotent and audited.
import { z } from 'zod';
import { parseOptionalJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';
import { setAppAuthorization } from '@/lib/requests/set-app-authorization';

export const dynamic = 'force-dynamic';

const params = z.object({ siteId: idSchema, appId: idSchema });

export const PUT = defineRoute(
  { name: 'app-authorization', access: 'signed-in', rateLimit: 'change', params },
  async ({ request, db, viewer, params }) => {
    await parseOptionalJsonBody(request, z.object({}).strict());
    const authorization = await setAppAuthorization(db, viewer, { ...params, status: 'authorized' });
    return json({ authorization });
  },
);

export const DELETE = defineRoute(
  { name: 'app-authorization', access: 'signed-in', rateLimit: 'change', params },
  async ({ db, viewer, params }) => {
    const authorization = await setAppAuthorization(db, viewer, { ...params, status: 'not-authorized' });
    return json({ authorization });
  },
);
