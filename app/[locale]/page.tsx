import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { ArticleList } from '@/components/article/ArticleList';
import { BrowseLinks } from '@/components/home/BrowseLinks';
import { getArticles } from '@/lib/content/articles';
import { audienceCounts, productCounts, recentlyUpdated } from '@/lib/content/browse';
import { popularArticles } from '@/lib/content/featured';
import { localizedArticles } from '@/lib/content/localized-articles';
import type { Article } from '@/lib/content/validate';
import { localePath } from '@/lib/i18n/locales';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { localizedMetadata } from '@/lib/pages/page-metadata';

export async function generateMetadata({ params }: { params: Promise<LocaleParams> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return localizedMetadata(locale, '/', {
    title: { absolute: t('homeTitle') },
    description: t('homeDescription'),
  });
}

export default async function HomePage({ params }: { params: Promise<LocaleParams> }) {
  const locale = await pageLocale(params);
  const t = await getTranslations('Home');
  const articles = getArticles();
  const inLocale = (list: Article[]) =>
    localizedArticles(
      locale,
      list.map((a) => a.slug),
    ).map((entry) => entry.article);
  return (
    <div className="space-y-12">
      <section aria-labelledby="hero-title" className="space-y-6 pt-4 text-center">
        <h1 id="hero-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          {t('heroTitle')}
        </h1>
        <p className="mx-auto max-w-2xl text-lg text-slate-700 dark:text-slate-300">{t('heroLead')}</p>
        <form
          action={localePath(locale, '/search')}
          method="get"
          role="search"
          className="mx-auto flex max-w-2xl gap-2"
        >
          <label htmlFor="home-search" className="sr-only">
            {t('searchLabel')}
          </label>
          <input
            id="home-search"
            name="q"
            type="search"
            required
            maxLength={200}
            className="input py-3 text-base"
            placeholder={t('searchPlaceholder')}
          />
          <button type="submit" className="btn-primary px-6">
            {t('searchButton')}
          </button>
        </form>
      </section>

      <section
        aria-labelledby="fix-title"
        className="rounded-xl border border-brand-500 bg-brand-50 p-6 sm:flex sm:items-center sm:justify-between sm:gap-6 dark:border-brand-700 dark:bg-brand-900/30"
      >
        <div>
          <h2 id="fix-title" className="text-xl font-semibold">
            {t('fixTitle')}
          </h2>
          <p className="mt-1 text-slate-700 dark:text-slate-300">{t('fixLead')}</p>
        </div>
        <Link href="/troubleshoot/authorize-app" className="btn-primary mt-4 shrink-0 sm:mt-0">
          {t('startTroubleshooter')}
        </Link>
      </section>

      <BrowseLinks products={productCounts(articles)} audiences={audienceCounts(articles)} />

      <div className="grid gap-10 md:grid-cols-2">
        <section aria-labelledby="popular-title">
          <h2 id="popular-title" className="text-lg font-semibold">
            {t('popular')}
          </h2>
          <ArticleList articles={inLocale(popularArticles())} />
        </section>
        <section aria-labelledby="recent-title">
          <h2 id="recent-title" className="text-lg font-semibold">
            {t('recent')}
          </h2>
          <ArticleList articles={inLocale(recentlyUpdated(articles, 6))} />
        </section>
      </div>
    </div>
  );
}
