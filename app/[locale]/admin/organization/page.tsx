import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminNav } from '@/components/admin/AdminNav';
import { OrganizationConnections } from '@/components/admin/OrganizationConnections';
import { gateAdminPage } from '@/lib/pages/admin-gate';
import { loadOrganizationPage } from '@/lib/organizations/connect-organization';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { localePath } from '@/lib/i18n/locales';

export async function generateMetadata({ params }: { params: Promise<LocaleParams> }): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params) });
  return { title: t('Organization.title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

// /admin/organization – connect Atlassian's Organizations API: real admins and roles, and app
// installations that close requests by themselves.
export default async function OrganizationPage({ params }: { params: Promise<LocaleParams> }) {
  const locale = await pageLocale(params);
  const t = await getTranslations();
  const { viewer, db } = await gateAdminPage('organization', localePath(locale, '/admin/organization'));
  const data = await loadOrganizationPage(db, viewer);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold text-slate-900 dark:text-white">{t('Admin.consoleTitle')}</h1>
      <p className="mb-6 text-slate-700 dark:text-slate-300">{t('Organization.intro')}</p>
      <AdminNav current="/admin/organization" />
      <h2 className="sr-only">{t('Organization.heading')}</h2>
      <OrganizationConnections data={data} />
    </div>
  );
}
