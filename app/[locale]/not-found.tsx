import { Link } from '@/lib/i18n/navigation';

import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return (
    <div className="mx-auto max-w-xl space-y-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-slate-700 dark:text-slate-300">{t('body')}</p>
      <p className="flex justify-center gap-3">
        <Link href="/" className="btn-primary">
          {t('home')}
        </Link>
        <Link href="/troubleshoot/authorize-app" className="btn-secondary">
          {t('troubleshooter')}
        </Link>
      </p>
    </div>
  );
}
