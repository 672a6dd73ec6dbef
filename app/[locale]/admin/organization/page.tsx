import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/AdminNav';
import { OrganizationConnections } from '@/components/admin/OrganizationConnections';
import { gateAdminPage } from '@/lib/pages/admin-gate';
import { loadOrganizationPage } from '@/lib/organizations/connect-organization';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export const metadata: Metadata = { title: 'Organization', robots: { index: false } };
export const dynamic = 'force-dynamic';

// /admin/organization – connect Atlassian's Organizations API: real admins and roles, and app
// installations that close requests by themselves.
export default async function OrganizationPage({ params }: { params: Promise<LocaleParams> }) {
  await pageLocale(params);
  const { viewer, db } = await gateAdminPage('organization', '/admin/organization');
  const data = await loadOrganizationPage(db, viewer);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold text-slate-900 dark:text-white">Admin console</h1>
      <p className="mb-6 text-slate-700 dark:text-slate-300">
        Connect your Atlassian organization so Greenlight knows who really administers each site (from
        Atlassian&rsquo;s role assignments) and sees when an app is installed, closing the requests for it by
        itself. You need your organization&rsquo;s id and an organization API key: in Atlassian
        Administration, Settings &rarr; API keys. Greenlight tests the key before it keeps it, stores it
        encrypted and never shows it again.
      </p>
      <AdminNav current="/admin/organization" />
      <h2 className="sr-only">Organization connection</h2>
      <OrganizationConnections data={data} />
    </div>
  );
}
