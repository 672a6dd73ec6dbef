import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminNav } from '@/components/admin/AdminNav';
import { PreApprovedAppsEditor, type PreApprovalSite } from '@/components/admin/PreApprovedAppsEditor';
import { gateAdminPage } from '@/lib/pages/admin-gate';
import { listSitesOfViewer } from '@/lib/directory/site-access';
import { listAppRegistry, listPreApprovedApps } from '@/lib/requests/pre-approved-apps';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export async function generateMetadata({ params }: { params: Promise<LocaleParams> }): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params) });
  return { title: t('PreApproved.title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

// /admin/pre-approved – per site the viewer administers: apps a member's request for is approved at once.
export default async function PreApprovedAppsPage({ params }: { params: Promise<LocaleParams> }) {
  await pageLocale(params);
  const t = await getTranslations();
  const { viewer, db } = await gateAdminPage('console', '/admin/pre-approved');
  const administered = (await listSitesOfViewer(db, viewer)).filter((site) => site.role === 'site-admin');
  const registry = await listAppRegistry(db);
  const sites: PreApprovalSite[] = await Promise.all(
    administered.map(async (site) => {
      const preApproved = await listPreApprovedApps(db, viewer, site.id);
      const listed = new Set(preApproved.map((entry) => entry.app.id));
      return {
        id: site.id,
        name: site.name,
        preApproved: preApproved.map((entry) => ({
          id: entry.app.id,
          name: entry.app.name,
          addedBy: entry.addedBy?.name ?? null,
        })),
        candidates: registry.filter((app) => !listed.has(app.id)),
      };
    }),
  );

  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold text-slate-900 dark:text-white">{t('Admin.consoleTitle')}</h1>
      <p className="mb-6 text-slate-700 dark:text-slate-300">{t('PreApproved.intro')}</p>
      <AdminNav current="/admin/pre-approved" />
      <h2 className="sr-only">{t('PreApproved.title')}</h2>
      <div className="space-y-6">
        {sites.map((site) => (
          <section key={site.id} aria-labelledby={`site-${site.id}`} className="card">
            <h3 id={`site-${site.id}`} className="mb-3 text-lg font-semibold text-slate-900 dark:text-white">
              {site.name}
            </h3>
            <PreApprovedAppsEditor site={site} />
          </section>
        ))}
      </div>
    </div>
  );
}
