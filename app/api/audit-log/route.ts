// GET /api/audit-log?siteId=&actorId=&action= – every admin change on the sites the caller administers.
import { getDb } from '@/lib/db/client';
import { parseSearchParams } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { auditQuery, listAuditEntries } from '@/lib/requests/list-audit-entries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  { name: 'audit-log', access: 'signed-in', rateLimit: { points: 60, durationSeconds: 60 } },
  async ({ request, viewer }) => {
    const query = parseSearchParams(request, auditQuery);
    return json({ entries: await listAuditEntries(await getDb(), viewer, query) });
  },
);
