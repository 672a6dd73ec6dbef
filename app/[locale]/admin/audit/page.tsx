import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdminNav } from '@/components/admin/AdminNav';
import { FilterForm, FilterSelect } from '@/components/admin/FilterForm';
import { listSitesOfViewer } from '@/lib/directory/site-access';
import { gateAdminPage, orNotFound } from '@/lib/pages/admin-gate';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { auditQuery, listAuditActors, listAuditEntries } from '@/lib/requests/list-audit-entries';
import { AUDIT_ACTIONS } from '@/lib/requests/record-audit';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export const metadata: Metadata = { title: 'Audit log', robots: { index: false } };
export const dynamic = 'force-dynamic';

// The filters as the URL names them, checked like the API's query.
const auditPageParams = z
  .object({ site: auditQuery.shape.siteId, actor: auditQuery.shape.actorId, action: auditQuery.shape.action })
  .transform(({ site, actor, action }) => ({ siteId: site, actorId: actor, action }));

const ACTION_LABELS: Record<string, string> = {
  'app.authorized': 'App authorized',
  'app.deauthorized': 'App authorization removed',
  'access_request.approved': 'Request approved',
  'access_request.denied': 'Request denied',
  'access_request.expired': 'Request expired',
  'app.pre_approved': 'App pre-approved',
  'app.pre_approval_removed': 'Pre-approval removed',
};

// /admin/audit – every change on the sites the viewer administers; filter by site, actor and action.
export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<LocaleParams>;
  searchParams: Promise<PageSearchParams>;
}) {
  await pageLocale(params);
  const { viewer, db } = await gateAdminPage('console', '/admin/audit');
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
      <h1 className="mb-6 text-3xl font-bold text-slate-900 dark:text-white">Admin console</h1>
      <AdminNav current="/admin/audit" />
      <h2 className="sr-only">Audit log</h2>
      <FilterForm action="/admin/audit" label="Filter the audit log">
        <FilterSelect
          label="Site"
          name="site"
          value={query.siteId}
          anyLabel="All my sites"
          options={administered.map((site) => ({ value: site.id, label: site.name }))}
        />
        <FilterSelect
          label="Who"
          name="actor"
          value={query.actorId}
          anyLabel="Anyone"
          options={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
        />
        <FilterSelect
          label="Action"
          name="action"
          value={query.action}
          anyLabel="Any action"
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: ACTION_LABELS[action] ?? action }))}
        />
      </FilterForm>
      {entries.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit log, newest first</caption>
            <thead className="bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When (UTC)
                </th>
                <th scope="col" className="px-3 py-2">
                  Who
                </th>
                <th scope="col" className="px-3 py-2">
                  Action
                </th>
                <th scope="col" className="px-3 py-2">
                  Site
                </th>
                <th scope="col" className="px-3 py-2">
                  What
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {entries.map((entry) => (
                <tr key={entry.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2">
                    <time dateTime={entry.at}>{entry.at.slice(0, 16).replace('T', ' ')}</time>
                  </td>
                  <td className="px-3 py-2">{entry.actor ? entry.actor.name : 'Greenlight'}</td>
                  <td className="px-3 py-2">{ACTION_LABELS[entry.action] ?? entry.action}</td>
                  <td className="px-3 py-2">{entry.site?.name ?? '—'}</td>
                  <td className="px-3 py-2">
                    {entry.action.startsWith('access_request.') ? (
                      <Link
                        href={`/admin/requests/${entry.target}`}
                        className="text-brand-700 underline dark:text-brand-500"
                      >
                        View request
                      </Link>
                    ) : (
                      (entry.targetLabel ?? entry.target)
                    )}
                    {typeof entry.details.reason === 'string' ? (
                      <p className="whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300">
                        Reason: {entry.details.reason}
                      </p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="card text-slate-700 dark:text-slate-300">No changes match these filters.</p>
      )}
    </div>
  );
}
