// GET /api/sites/[siteId]/apps – apps on a site the caller belongs to, with their status and the caller's request.
import { getDb } from '@/lib/db/client';
import { listAppsOnSite } from '@/lib/directory/list-apps-on-site';
import { defineRoute, json } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute<{ siteId: string }>(
  { name: 'site-apps', access: 'signed-in', rateLimit: { points: 120, durationSeconds: 60 } },
  async ({ viewer, params }) => {
    const { site, apps } = await listAppsOnSite(await getDb(), viewer, params.siteId);
    const { id, cloudId, name, url, products, role } = site;
    return json({ site: { id, cloudId, name, url, products, role }, apps });
  },
);
