// POST /api/organization/connections/[organizationId]/sync – "Sync now": roles from Atlassian at once.
import { z } from 'zod';
import { defineRoute, json } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';
import { syncOrganizationNow } from '@/lib/organizations/connect-organization';
import { organizationDeps } from '@/lib/organizations/deps';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(
  {
    name: 'organization-sync',
    access: 'signed-in',
    rateLimit: 'change',
    params: z.object({ organizationId: idSchema }),
  },
  async ({ db, viewer, params }) =>
    json({ connection: await syncOrganizationNow(db, viewer, params.organizationId, organizationDeps()) }),
);
