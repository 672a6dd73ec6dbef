import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdminNav } from '@/components/admin/AdminNav';
import { InboxFilters } from '@/components/admin/InboxFilters';
import { InboxTable, type InboxRow } from '@/components/admin/InboxTable';
import { formatAge } from '@/components/admin/format-age';
import { InsightsLink } from '@/components/insights/InsightsLink';
import { insightsAccessFor } from '@/lib/insights/insights-access';
import { gateAdminPage, orNotFound } from '@/lib/pages/admin-gate';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { listRequestInbox } from '@/lib/requests/list-request-inbox';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export const metadata: Metadata = { title: 'Access requests', robots: { index: false } };
export const dynamic = 'force-dynamic';

// The filters as the URL names them; listRequestInbox checks their values.
const inboxPageParams = z.object({
  site: z.string().optional(),
  app: z.string().optional(),
  status: z.string().optional(),
});

// /admin – access requests on every site the viewer administers; filters in the URL; oldest first.
export default async function AdminInboxPage({
  params,
  searchParams,
}: {
  params: Promise<LocaleParams>;
  searchParams: Promise<PageSearchParams>;
}) {
  await pageLocale(params);
  const { viewer, db } = await gateAdminPage('console', '/admin');
  const parsed = parsePageParams(inboxPageParams, await searchParams);
  if (!parsed.ok) notFound();
  const filters = {
    siteId: parsed.params.site,
    appId: parsed.params.app,
    status: parsed.params.status ?? 'open',
  };
  const inbox = await orNotFound(listRequestInbox(db, viewer, filters));
  const seesInsights = (await insightsAccessFor(db, viewer)) !== null;
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
      {seesInsights ? (
        <p className="-mt-4 mb-6">
          <InsightsLink />
        </p>
      ) : null}
      <AdminNav current="/admin" />
      <h2 className="sr-only">Access requests</h2>
      <InboxFilters inbox={inbox} current={filters} />
      <InboxTable key={JSON.stringify(filters)} rows={rows} />
    </div>
  );
}
