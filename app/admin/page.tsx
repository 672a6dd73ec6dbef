import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/AdminNav';
import { InboxFilters } from '@/components/admin/InboxFilters';
import { InboxTable, type InboxRow } from '@/components/admin/InboxTable';
import { formatAge } from '@/components/admin/format-age';
import { InsightsLink } from '@/components/insights/InsightsLink';
import { orNotFound, requireAdminConsoleViewer } from '@/lib/auth/admin-console';
import { listRequestInbox } from '@/lib/requests/list-request-inbox';

export const metadata: Metadata = { title: 'Access requests', robots: { index: false } };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;

// /admin – access requests on every site the viewer administers; filters in the URL; oldest first.
export default async function AdminInboxPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filters = {
    siteId: first(params.site),
    appId: first(params.app),
    status: first(params.status) ?? 'open',
  };
  const { viewer, db } = await requireAdminConsoleViewer('/admin');
  const inbox = await orNotFound(
    listRequestInbox(db, viewer, filters as Parameters<typeof listRequestInbox>[2]),
  );
  const now = new Date();
  const rows: InboxRow[] = inbox.requests.map((request) => ({
    id: request.id,
    status: request.status,
    requester: request.requester,
    site: request.site,
    app: request.app,
    scopes: request.scopes,
    message: request.message,
    reason: request.reason,
    decidedBy: request.decidedBy,
    createdAt: request.createdAt,
    age: formatAge(new Date(request.createdAt), now),
  }));

  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold text-slate-900 dark:text-white">Admin console</h1>
      <p className="mb-6 text-slate-700 dark:text-slate-300">
        Requests from people on {inbox.sites.map((site) => site.name).join(', ')} to authorize apps.
      </p>
      <p className="-mt-4 mb-6">
        <InsightsLink db={db} viewer={viewer} />
      </p>
      <AdminNav current="/admin" />
      <h2 className="sr-only">Access requests</h2>
      <InboxFilters inbox={inbox} current={filters} />
      <InboxTable key={JSON.stringify(filters)} rows={rows} />
    </div>
  );
}
