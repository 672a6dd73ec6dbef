// GET /api/sites/[siteId]/pre-approved-apps – apps a member's request for is approved at once (site admins only).
import { z } from 'zod';
import { defineRoute, json } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';
import { listPreApprovedApps } from '@/lib/requests/pre-approved-apps';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  {
    name: 'pre-approved-apps',
    access: 'signed-in',
    rateLimit: 'read',
    params: z.object({ siteId: idSchema }),
  },
  async ({ db, viewer, params }) =>
    json({ preApprovedApps: await listPreApprovedApps(db, viewer, params.siteId) }),
);
