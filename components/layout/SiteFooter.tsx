import { Link } from '@/lib/i18n/navigation';

import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('Footer');
  return (
    <footer className="mt-16 border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between dark:text-slate-400">
        <p>{t('tagline')}</p>
        <nav aria-label={t('nav')} className="flex gap-4">
          <Link href="/articles" className="hover:underline">
            {t('allArticles')}
          </Link>
          <Link href="/troubleshoot/authorize-app" className="hover:underline">
            {t('troubleshooter')}
          </Link>
        </nav>
      </div>
    </footer>
  );
}
