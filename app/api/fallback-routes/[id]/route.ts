// DELETE /api/fallback-routes/[id] – an org admin removes one of their organisation's routes; audited.
import { z } from 'zod';
import { defineRoute, json } from '@/lib/http/route';
import { removeFallbackRoute } from '@/lib/requests/fallback-routes';

export const dynamic = 'force-dynamic';

export const DELETE = defineRoute(
  // Route ids are uuids: anything else cannot name one (404 before the database is asked).
  {
    name: 'fallback-route',
    access: 'signed-in',
    rateLimit: 'change',
    params: z.object({ id: z.string().uuid() }),
  },
  async ({ db, viewer, params }) => {
    await removeFallbackRoute(db, viewer, params.id);
    return json({ removed: true });
  },
);
