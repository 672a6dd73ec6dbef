// DELETE /api/organization/connections/[organizationId] – disconnect: the key and the roles it synced are forgotten.
import { z } from 'zod';
import { defineRoute } from '@/lib/http/route';
import { idSchema } from '@/lib/ids';
import { disconnectOrganization } from '@/lib/organizations/connect-organization';

export const dynamic = 'force-dynamic';

export const DELETE = defineRoute(
  {
    name: 'organization-disconnect',
    access: 'signed-in',
    rateLimit: 'change',
    params: z.object({ organizationId: idSchema }),
  },
  async ({ db, viewer, params }) => {
    await disconnectOrganization(db, viewer, params.organizationId);
    return new Response(null, { status: 204 });
  },
);
