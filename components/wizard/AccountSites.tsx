import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { siteHostOf, type FactSite } from '@/lib/flows/facts';

/** The signed-in account's sites (each starts the wizard on that site) and a way to switch account. */
export function AccountSites({
  email,
  sites,
  siteHref,
  switchHref,
}: {
  email: string;
  sites: FactSite[];
  siteHref: (host: string) => string;
  switchHref: string;
}) {
  const t = useTranslations('Wizard');
  return (
    <section
      aria-labelledby="account-sites-title"
      className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-700"
    >
      <h3 id="account-sites-title" className="font-semibold">
        {t('accountSitesTitle', { email })}
      </h3>
      {sites.length > 0 ? (
        <ul className="space-y-1">
          {sites.map((site) => (
            <li key={site.id}>
              <Link
                className="text-brand-700 underline dark:text-brand-500"
                href={siteHref(siteHostOf(site))}
              >
                {siteHostOf(site)}
              </Link>{' '}
              <span className="text-sm text-slate-600 dark:text-slate-400">
                ({site.role === 'site-admin' ? t('roleSiteAdmin') : t('roleUser')})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('accountNoSites')}</p>
      )}
      <Link href={switchHref} className="btn-secondary">
        {t('switchAccount')}
      </Link>
    </section>
  );
}
