import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminNav } from '@/components/admin/AdminNav';
import { FallbackRoutesEditor } from '@/components/admin/FallbackRoutesEditor';
import { gateAdminPage, orNotFound } from '@/lib/pages/admin-gate';
import { listFallbackRoutes } from '@/lib/requests/fallback-routes';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { localePath } from '@/lib/i18n/locales';

export async function generateMetadata({ params }: { params: Promise<LocaleParams> }): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params) });
  return { title: t('FallbackRoutes.title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

// /admin/routes – org admins: where requests go for their sites when Greenlight knows no admin of the site.
export default async function FallbackRoutesPage({ params }: { params: Promise<LocaleParams> }) {
  const locale = await pageLocale(params);
  const t = await getTranslations();
  const { viewer, db } = await gateAdminPage('console', localePath(locale, '/admin/routes'));
  // Org admins only: a site admin of no organisation gets the not-found page.
  const view = await orNotFound(listFallbackRoutes(db, viewer));
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold text-slate-900 dark:text-white">{t('Admin.consoleTitle')}</h1>
      <p className="mb-6 max-w-3xl text-slate-700 dark:text-slate-300">{t('FallbackRoutes.intro')}</p>
      <AdminNav current="/admin/routes" />
      <h2 className="sr-only">{t('FallbackRoutes.title')}</h2>
      {view.emailConfigured ? null : (
        <p role="status" className="mb-4 text-amber-800 dark:text-amber-300">
          {t('FallbackRoutes.noEmail')}
        </p>
      )}
      <FallbackRoutesEditor organizations={view.organizations} routes={view.routes} />
      {view.deploymentRoutes.length ? (
        <section aria-labelledby="deployment-routes" className="mt-8">
          <h3 id="deployment-routes" className="mb-2 font-semibold">
            {t('FallbackRoutes.deploymentTitle')}
          </h3>
          <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
            {t('FallbackRoutes.deploymentLead')}
          </p>
          <ul className="text-sm">
            {view.deploymentRoutes.map((route) => (
              <li key={route.pattern}>
                <span className="font-mono">{route.pattern}</span> → {route.addresses.join(', ')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
