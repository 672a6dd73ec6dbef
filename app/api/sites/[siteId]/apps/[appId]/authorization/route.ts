// PUT /api/sites/[siteId]/apps/[appId]/authorization – a site admin authorizes an app (approves open requests).
// DELETE – a site admin withdraws the authorization. Both idempotent and audited.
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { parseOptionalJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { setAppAuthorization } from '@/lib/requests/set-app-authorization';

export const dynamic = 'force-dynamic';

type Params = { siteId: string; appId: string };
const WRITE_LIMIT = { points: 30, durationSeconds: 60 };

export const PUT = defineRoute<Params>(
  { name: 'app-authorization', access: 'signed-in', rateLimit: WRITE_LIMIT },
  async ({ request, viewer, params }) => {
    await parseOptionalJsonBody(request, z.object({}).strict());
    const authorization = await setAppAuthorization(await getDb(), viewer, {
      ...params,
      status: 'authorized',
    });
    return json({ authorization });
  },
);

export const DELETE = defineRoute<Params>(
  { name: 'app-authorization', access: 'signed-in', rateLimit: WRITE_LIMIT },
  async ({ viewer, params }) => {
    const authorization = await setAppAuthorization(await getDb(), viewer, {
      ...params,
      status: 'not-authorized',
    });
    return json({ authorization });
  },
);
