// GET /api/organization – the viewer's organizations and their Atlassian connections (never a key).
import { defineRoute, json } from '@/lib/http/route';
import { loadOrganizationPage } from '@/lib/organizations/connect-organization';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  { name: 'organization', access: 'signed-in', rateLimit: 'read' },
  async ({ db, viewer }) => json(await loadOrganizationPage(db, viewer)),
);
