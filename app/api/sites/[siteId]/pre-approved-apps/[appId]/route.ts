// PUT /api/sites/[siteId]/pre-approved-apps/[appId] – a site admin pre-approves an app on the site;
// its open requests there are approved in the same transaction (counted in approvedRequests).
// DELETE – a site admin removes the pre-approval. Both idempotent and audited.
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { parseOptionalJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { setAppPreApproval } from '@/lib/requests/pre-approved-apps';

export const dynamic = 'force-dynamic';

type Params = { siteId: string; appId: string };
const WRITE_LIMIT = { points: 30, durationSeconds: 60 };

export const PUT = defineRoute<Params>(
  { name: 'pre-approved-app', access: 'signed-in', rateLimit: WRITE_LIMIT },
  async ({ request, viewer, params }) => {
    await parseOptionalJsonBody(request, z.object({}).strict());
    return json({
      preApproval: await setAppPreApproval(await getDb(), viewer, { ...params, preApproved: true }),
    });
  },
);

export const DELETE = defineRoute<Params>(
  { name: 'pre-approved-app', access: 'signed-in', rateLimit: WRITE_LIMIT },
  async ({ viewer, params }) =>
    json({ preApproval: await setAppPreApproval(await getDb(), viewer, { ...params, preApproved: false }) }),
);
