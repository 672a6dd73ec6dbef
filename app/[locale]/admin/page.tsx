import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdminNav } from '@/components/admin/AdminNav';
import { InboxFilters } from '@/components/admin/InboxFilters';
import { InboxTable, type InboxRow } from '@/components/admin/InboxTable';
import { ageOf } from '@/components/admin/format-age';
import { InsightsLink } from '@/components/insights/InsightsLink';
import { insightsAccessFor } from '@/lib/insights/insights-access';
import { gateAdminPage, orNotFound } from '@/lib/pages/admin-gate';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { listRequestInbox } from '@/lib/requests/list-request-inbox';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<LocaleParams> }): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: 'Inbox' });
  return { title: t('metaTitle'), robots: { index: false } };
}

// The filters as the URL names them; listRequestInbox checks their values.
const inboxPageParams = z.object({
  site: z.string().optional(),
  app: z.string().optional(),
  status: z.string().optional(),
});

// /admin – access requests on every site the viewer administers; filters in the URL; oldest first.
// A request's fixed parts are in the page's language; what people wrote stays as written.
export default async function AdminInboxPage({
  params,
  searchParams,
}: {
  params: Promise<LocaleParams>;
  searchParams: Promise<PageSearchParams>;
}) {
  const locale = await pageLocale(params);
  const t = await getTranslations('Inbox');
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
  const waited = (createdAt: string) => {
    const age = ageOf(new Date(createdAt), now);
    switch (age.unit) {
      case 'justNow':
        return t('age.justNow');
      case 'minutes':
        return t('age.minutes', { count: age.count });
      case 'hours':
        return t('age.hours', { count: age.count });
      case 'days':
        return t('age.days', { count: age.count });
    }
  };
  const rows: InboxRow[] = inbox.requests.map((request) => ({
    id: request.id,
    status: request.status,
    requester: request.requester,
    site: request.site,
    app: request.app,
    scopes: request.scopes,
    message: request.message,
    messageLocale: request.messageLocale,
    reason: request.reason,
    decidedBy: request.decidedBy,
    createdAt: request.createdAt,
    age: waited(request.createdAt),
  }));

  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold text-slate-900 dark:text-white">{t('consoleTitle')}</h1>
      <p className="mb-6 text-slate-700 dark:text-slate-300">
        {t('intro', {
          sites: new Intl.ListFormat(locale, { type: 'conjunction' }).format(
            inbox.sites.map((site) => site.name),
          ),
        })}
      </p>
      {seesInsights ? (
        <p className="-mt-4 mb-6">
          <InsightsLink />
        </p>
      ) : null}
      <AdminNav current="/admin" />
      <h2 className="sr-only">{t('heading')}</h2>
      <InboxFilters inbox={inbox} current={filters} />
      <InboxTable key={JSON.stringify(filters)} rows={rows} />
    </div>
  );
}
