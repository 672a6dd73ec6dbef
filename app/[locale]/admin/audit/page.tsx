import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdminNav } from '@/components/admin/AdminNav';
import { FilterForm, FilterSelect } from '@/components/admin/FilterForm';
import { listSitesOfViewer } from '@/lib/directory/site-access';
import { gateAdminPage, orNotFound } from '@/lib/pages/admin-gate';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { auditQuery, listAuditActors, listAuditEntries } from '@/lib/requests/list-audit-entries';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/db/audit-log';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { localePath } from '@/lib/i18n/locales';

export async function generateMetadata({ params }: { params: Promise<LocaleParams> }): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params) });
  return { title: t('Audit.title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

// The filters as the URL names them, checked like the API's query.
const auditPageParams = z
  .object({ site: auditQuery.shape.siteId, actor: auditQuery.shape.actorId, action: auditQuery.shape.action })
  .transform(({ site, actor, action }) => ({ siteId: site, actorId: actor, action }));

// Catalog keys of the actions' names (full paths, so `npm run lint` sees them used).
const ACTION_LABELS: Record<AuditAction, string> = {
  'app.authorized': 'Audit.actions.appAuthorized',
  'app.deauthorized': 'Audit.actions.appDeauthorized',
  'access_request.approved': 'Audit.actions.requestApproved',
  'access_request.denied': 'Audit.actions.requestDenied',
  'access_request.expired': 'Audit.actions.requestExpired',
  'app.pre_approved': 'Audit.actions.appPreApproved',
  'app.pre_approval_removed': 'Audit.actions.preApprovalRemoved',
  'fallback_route.added': 'Audit.actions.fallbackRouteAdded',
  'fallback_route.removed': 'Audit.actions.fallbackRouteRemoved',
  'organization.connected': 'Audit.actions.organizationConnected',
  'organization.key_replaced': 'Audit.actions.organizationKeyReplaced',
  'organization.disconnected': 'Audit.actions.organizationDisconnected',
  'site_admin.self_confirmed': 'Audit.actions.siteAdminSelfConfirmed',
};

// /admin/audit – every change on the sites the viewer administers; filter by site, actor and action.
export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<LocaleParams>;
  searchParams: Promise<PageSearchParams>;
}) {
  const locale = await pageLocale(params);
  const t = await getTranslations();
  const format = await getFormatter();
  const actionLabel = (action: string) => {
    const key = ACTION_LABELS[action as AuditAction];
    return key ? t(key) : action;
  };
  const { viewer, db } = await gateAdminPage('console', localePath(locale, '/admin/audit'));
  const parsed = parsePageParams(auditPageParams, await searchParams);
  if (!parsed.ok) notFound();
  const query = parsed.params;
  const [entries, actors, sites] = await Promise.all([
    orNotFound(listAuditEntries(db, viewer, query)),
    listAuditActors(db, viewer),
    listSitesOfViewer(db, viewer),
  ]);
  const administered = sites.filter((site) => site.role === 'site-admin');

  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold text-slate-900 dark:text-white">{t('Admin.consoleTitle')}</h1>
      <AdminNav current="/admin/audit" />
      <h2 className="sr-only">{t('Audit.title')}</h2>
      <FilterForm action="/admin/audit" label={t('Audit.filterLabel')}>
        <FilterSelect
          label={t('Audit.site')}
          name="site"
          value={query.siteId}
          anyLabel={t('Audit.allSites')}
          options={administered.map((site) => ({ value: site.id, label: site.name }))}
        />
        <FilterSelect
          label={t('Audit.who')}
          name="actor"
          value={query.actorId}
          anyLabel={t('Audit.anyone')}
          options={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
        />
        <FilterSelect
          label={t('Audit.action')}
          name="action"
          value={query.action}
          anyLabel={t('Audit.anyAction')}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
        />
      </FilterForm>
      {entries.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('Audit.caption')}</caption>
            <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('Audit.whenUtc')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('Audit.who')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('Audit.action')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('Audit.site')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('Audit.what')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {entries.map((entry) => (
                <tr key={entry.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2">
                    <time dateTime={entry.at}>
                      {format.dateTime(new Date(entry.at), {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                        timeZone: 'UTC',
                      })}
                    </time>
                  </td>
                  <td className="px-3 py-2">{entry.actor ? entry.actor.name : 'Greenlight'}</td>
                  <td className="px-3 py-2">{actionLabel(entry.action)}</td>
                  <td className="px-3 py-2">{entry.site?.name ?? '—'}</td>
                  <td className="px-3 py-2">
                    {entry.action.startsWith('access_request.') ? (
                      <Link
                        href={`/admin/requests/${entry.target}`}
                        className="text-brand-700 underline dark:text-brand-500"
                      >
                        {t('Audit.viewRequest')}
                      </Link>
                    ) : entry.action === 'site_admin.self_confirmed' ? (
                      t('Audit.selfConfirmedDetail')
                    ) : (
                      (entry.targetLabel ?? entry.target)
                    )}
                    {typeof entry.details.reason === 'string' ? (
                      <p className="whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300">
                        {t('Audit.reason', { reason: entry.details.reason })}
                      </p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="card text-slate-700 dark:text-slate-300">{t('Audit.noMatches')}</p>
      )}
    </div>
  );
}
