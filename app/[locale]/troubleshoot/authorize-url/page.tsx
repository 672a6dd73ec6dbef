import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { AuthorizeUrlChecker } from '@/components/wizard/AuthorizeUrlChecker';
import { wizardParamsSchema } from '@/lib/flows/inputs';
import { localePath } from '@/lib/i18n/locales';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { localizedMetadata } from '@/lib/pages/page-metadata';

type Props = { params: Promise<LocaleParams>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return localizedMetadata(locale, '/troubleshoot/authorize-url', {
    title: t('authorizeUrlTitle'),
    description: t('authorizeUrlDescription'),
  });
}

// The same checker parameters as the troubleshooter's developer branch.
const checkerParams = wizardParamsSchema.pick({ url: true, refresh: true });

/** The authorize-URL checker on its own (articles link here); the same check the developer branch uses. */
export default async function AuthorizeUrlPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations('Troubleshooter');
  const parsed = parsePageParams(checkerParams, await searchParams);
  const query = parsed.ok ? parsed.params : {};
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700 dark:text-brand-500">{t('checkerEyebrow')}</p>
        <h1 className="text-3xl font-bold tracking-tight">{t('checkerTitle')}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {t.rich('checkerLead', {
            code: (chunks) => <code>{chunks}</code>,
            rules: (chunks) => (
              <Link
                className="text-brand-700 underline dark:text-brand-500"
                href="/articles/build-a-correct-authorize-url"
              >
                {chunks}
              </Link>
            ),
          })}
        </p>
      </header>
      <section className="card" aria-label={t('checkerLabel')}>
        <AuthorizeUrlChecker
          // A plain form without JavaScript: it must come back to this page in the reader's language.
          action={localePath(locale, '/troubleshoot/authorize-url')}
          initialUrl={query.url?.slice(0, 4000)}
          initialWantsRefresh={query.refresh === '1'}
        />
      </section>
    </div>
  );
}
