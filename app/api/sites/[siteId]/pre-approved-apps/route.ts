// GET /api/sites/[siteId]/pre-approved-apps – apps a member's request for is approved at once (site admins only).
import { getDb } from '@/lib/db/client';
import { defineRoute, json } from '@/lib/http/route';
import { listPreApprovedApps } from '@/lib/requests/pre-approved-apps';

export const dynamic = 'force-dynamic';

export const GET = defineRoute<{ siteId: string }>(
  { name: 'pre-approved-apps', access: 'signed-in', rateLimit: { points: 120, durationSeconds: 60 } },
  async ({ viewer, params }) =>
    json({ preApprovedApps: await listPreApprovedApps(await getDb(), viewer, params.siteId) }),
);
