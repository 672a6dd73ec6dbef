// GET /api/fallback-routes – the fallback routes of the organisations the viewer administers (org admins only).
// POST – an org admin adds a route (site host pattern → e-mail addresses) or replaces its addresses; audited.
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { fallbackRouteInput, listFallbackRoutes, saveFallbackRoute } from '@/lib/requests/fallback-routes';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  { name: 'fallback-routes', access: 'signed-in', rateLimit: 'read' },
  async ({ db, viewer }) => json(await listFallbackRoutes(db, viewer)),
);

export const POST = defineRoute(
  { name: 'fallback-routes', access: 'signed-in', rateLimit: 'change' },
  async ({ request, db, viewer }) => {
    const { route, replaced } = await saveFallbackRoute(
      db,
      viewer,
      await parseJsonBody(request, fallbackRouteInput),
    );
    return json({ route, replaced }, { status: replaced ? 200 : 201 });
  },
);
