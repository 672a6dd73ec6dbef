import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { AdminEntry } from '@/lib/pages/admin-entry';

/**
 * The header's right side (search, account) is passed in so features can add to it without
 * touching layout; `adminEntry` adds the way into the admin pages for those who may use them.
 */
export async function SiteHeader({
  children,
  adminEntry,
}: {
  children?: ReactNode;
  adminEntry?: AdminEntry | null;
}) {
  const t = await getTranslations('Header');
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-bold text-slate-900 dark:text-white">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full bg-brand-500" />
          Greenlight
        </Link>
        <nav aria-label={t('mainNav')} className="flex gap-4 text-sm">
          <Link
            href="/articles"
            className="text-slate-700 hover:text-brand-700 dark:text-slate-300 dark:hover:text-brand-500"
          >
            {t('articles')}
          </Link>
          <Link
            href="/troubleshoot/authorize-app"
            className="text-slate-700 hover:text-brand-700 dark:text-slate-300 dark:hover:text-brand-500"
          >
            {t('troubleshooter')}
          </Link>
          {adminEntry ? (
            <Link
              href={adminEntry.href}
              className="text-slate-700 hover:text-brand-700 dark:text-slate-300 dark:hover:text-brand-500"
            >
              {adminEntry.label}
            </Link>
          ) : null}
        </nav>
        <div className="ml-auto flex min-w-0 items-center gap-3">{children}</div>
      </div>
    </header>
  );
}
