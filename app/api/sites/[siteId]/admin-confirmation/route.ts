// POST /api/sites/[siteId]/admin-confirmation – a Jira/Confluence (product or app) admin of the site
// confirms being its site or org admin; Greenlight then treats them as one (role source self-confirmed).
import { z } from 'zod';
import { confirmSiteAdmin } from '@/lib/directory/confirm-site-admin';
import { defineRoute, json } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(
  {
    name: 'site-admin-confirmation',
    access: 'signed-in',
    rateLimit: 'change',
    params: z.object({ siteId: idSchema }),
  },
  async ({ db, viewer, params }) => json({ site: await confirmSiteAdmin(db, viewer, params.siteId) }),
);
