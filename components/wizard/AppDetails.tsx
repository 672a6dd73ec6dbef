import { useTranslations } from 'next-intl';
import type { FactApp } from '@/lib/flows/facts';

/** What the admin looks for in Connected apps: the app's name, vendor and the scopes it asks for. */
export function AppDetails({ app }: { app: FactApp }) {
  const t = useTranslations('Wizard');
  return (
    <section
      aria-labelledby="app-details-title"
      className="space-y-2 rounded-md border border-slate-200 p-4 dark:border-slate-700"
    >
      <h3 id="app-details-title" className="font-semibold">
        {app.vendor
          ? t.rich('lookForByVendor', {
              app: app.name,
              vendor: app.vendor,
              by: (chunks) => (
                <span className="font-normal text-slate-600 dark:text-slate-400">{chunks}</span>
              ),
            })
          : t('lookFor', { app: app.name })}
      </h3>
      {app.scopes.length > 0 ? (
        <>
          <p className="text-sm">{t('asksForScopes')}</p>
          <ul className="flex flex-wrap gap-2">
            {app.scopes.map((scope) => (
              <li key={scope}>
                <code className="rounded bg-slate-100 px-2 py-0.5 text-sm dark:bg-slate-800">{scope}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-sm">{t('noScopeList')}</p>
      )}
    </section>
  );
}
