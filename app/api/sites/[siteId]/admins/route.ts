// GET /api/sites/[siteId]/admins – who administers a site (any member may see who to ask).
import { getDb } from '@/lib/db/client';
import { listAdminsOfSite } from '@/lib/directory/list-site-admins';
import { defineRoute, json } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute<{ siteId: string }>(
  { name: 'site-admins', access: 'signed-in', rateLimit: { points: 120, durationSeconds: 60 } },
  async ({ viewer, params }) =>
    json({ admins: await listAdminsOfSite(await getDb(), viewer, params.siteId) }),
);
