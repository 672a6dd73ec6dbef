import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/AdminNav';
import { FallbackRoutesEditor } from '@/components/admin/FallbackRoutesEditor';
import { gateAdminPage, orNotFound } from '@/lib/pages/admin-gate';
import { listFallbackRoutes } from '@/lib/requests/fallback-routes';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export const metadata: Metadata = { title: 'Fallback routes', robots: { index: false } };
export const dynamic = 'force-dynamic';

// /admin/routes – org admins: where requests go for their sites when Greenlight knows no admin of the site.
export default async function FallbackRoutesPage({ params }: { params: Promise<LocaleParams> }) {
  await pageLocale(params);
  const { viewer, db } = await gateAdminPage('console', '/admin/routes');
  // Org admins only: a site admin of no organisation gets the not-found page.
  const view = await orNotFound(listFallbackRoutes(db, viewer));
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold text-slate-900 dark:text-white">Admin console</h1>
      <p className="mb-6 max-w-3xl text-slate-700 dark:text-slate-300">
        When someone asks for an app on one of your organization&rsquo;s sites and Greenlight knows no admin
        of that site (none has signed in yet), the request is e-mailed to the route below that matches the
        site, and the requester is told who received it. It also waits in the inbox of the first admin who
        signs in. Every change is in the audit log.
      </p>
      <AdminNav current="/admin/routes" />
      <h2 className="sr-only">Fallback routes</h2>
      {view.emailConfigured ? null : (
        <p role="status" className="mb-4 text-amber-800 dark:text-amber-300">
          Greenlight has no e-mail set up (SMTP_URL), so no route can be saved or used. Ask the operator of
          this help center.
        </p>
      )}
      <FallbackRoutesEditor organizations={view.organizations} routes={view.routes} />
      {view.deploymentRoutes.length ? (
        <section aria-labelledby="deployment-routes" className="mt-8">
          <h3 id="deployment-routes" className="mb-2 font-semibold">
            Set for the whole help center by its operator
          </h3>
          <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
            Used where none of your routes matches the site, and for sites whose organization Greenlight does
            not know.
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
