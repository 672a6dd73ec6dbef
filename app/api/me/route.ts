// GET /api/me – who is signed in, their language, their sites and their role on each.
import { findUserLocale } from '@/lib/auth/user-locale';
import { listSitesOfViewer } from '@/lib/directory/site-access';
import { defineRoute, json } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  { name: 'me', access: 'signed-in', rateLimit: 'read' },
  async ({ db, viewer }) => {
    // defineRoute has already synced the directory from Atlassian for an Atlassian sign-in.
    const sites = await listSitesOfViewer(db, viewer);
    return json({
      user: {
        id: viewer.userId,
        email: viewer.email,
        name: viewer.name,
        locale: await findUserLocale(db, viewer.userId),
      },
      sites: sites.map(({ id, cloudId, name, url, products, role }) => ({
        id,
        cloudId,
        name,
        url,
        products,
        role,
      })),
    });
  },
);
