// GET /api/audit-log?siteId=&actorId=&action= – every admin change on the sites the caller administers.
import { parseSearchParams } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { auditQuery, listAuditEntries } from '@/lib/requests/list-audit-entries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(
  { name: 'audit-log', access: 'signed-in', rateLimit: 'report' },
  async ({ request, db, viewer }) => {
    const query = parseSearchParams(request, auditQuery);
    return json({ entries: await listAuditEntries(db, viewer, query) });
  },
);
