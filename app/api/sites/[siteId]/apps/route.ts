// GET /api/sites/[siteId]/apps – apps on a site the caller belongs to, with their status and the caller's request.
import { z } from 'zod';
import { listAppsOnSite } from '@/lib/directory/list-apps-on-site';
import { defineRoute, json } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  { name: 'site-apps', access: 'signed-in', rateLimit: 'read', params: z.object({ siteId: idSchema }) },
  async ({ db, viewer, params }) => {
    const { site, apps } = await listAppsOnSite(db, viewer, params.siteId);
    const { id, cloudId, name, url, products, role } = site;
    return json({ site: { id, cloudId, name, url, products, role }, apps });
  },
);
