// PUT /api/sites/[siteId]/pre-approved-apps/[appId] – a site admin pre-approves an app on the site;
// its open requests there are approved in the same transaction (counted in approvedRequests).
// DELETE – a site admin removes the pre-approval. Both idempotent and audited.
import { z } from 'zod';
import { parseOptionalJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';
import { setAppPreApproval } from '@/lib/requests/pre-approved-apps';

export const dynamic = 'force-dynamic';

const params = z.object({ siteId: idSchema, appId: idSchema });

export const PUT = defineRoute(
  { name: 'pre-approved-app', access: 'signed-in', rateLimit: 'change', params },
  async ({ request, db, viewer, params }) => {
    await parseOptionalJsonBody(request, z.object({}).strict());
    return json({ preApproval: await setAppPreApproval(db, viewer, { ...params, preApproved: true }) });
  },
);

export const DELETE = defineRoute(
  { name: 'pre-approved-app', access: 'signed-in', rateLimit: 'change', params },
  async ({ db, viewer, params }) =>
    json({ preApproval: await setAppPreApproval(db, viewer, { ...params, preApproved: false }) }),
);
