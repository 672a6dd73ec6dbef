// POST /api/organization/connections – connect an organization (or replace its key): tested against Atlassian first.
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { connectOrganization, connectOrganizationInput } from '@/lib/organizations/connect-organization';
import { organizationDeps } from '@/lib/organizations/deps';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(
  { name: 'organization-connect', access: 'signed-in', rateLimit: 'change' },
  async ({ request, db, viewer }) =>
    json({
      connection: await connectOrganization(
        db,
        viewer,
        await parseJsonBody(request, connectOrganizationInput),
        organizationDeps(),
      ),
    }),
);
