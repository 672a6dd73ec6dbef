// GET /api/sites/[siteId]/admins – who administers a site (any member may see who to ask).
import { z } from 'zod';
import { listAdminsOfSite } from '@/lib/directory/list-site-admins';
import { defineRoute, json } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  { name: 'site-admins', access: 'signed-in', rateLimit: 'read', params: z.object({ siteId: idSchema }) },
  async ({ db, viewer, params }) => json({ admins: await listAdminsOfSite(db, viewer, params.siteId) }),
);
