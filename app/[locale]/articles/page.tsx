import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { ArticleList } from '@/components/article/ArticleList';
import { getArticles } from '@/lib/content/articles';
import { localizedArticles } from '@/lib/content/localized-articles';
import { browseParamsSchema, filterArticles } from '@/lib/content/browse';
import { AUDIENCE_LABEL_KEYS, PRODUCT_LABEL_KEYS } from '@/components/article/labels';
import { AUDIENCES, PRODUCTS } from '@/lib/content/schema';
import { localizedMetadata } from '@/lib/pages/page-metadata';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

type Props = { params: Promise<LocaleParams>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return localizedMetadata(locale, '/articles', {
    title: t('articlesTitle'),
    description: t('articlesDescription'),
  });
}

function filterHref(product?: string, audience?: string) {
  const params = new URLSearchParams();
  if (product) params.set('product', product);
  if (audience) params.set('audience', audience);
  const query = params.toString();
  return query ? `/articles?${query}` : '/articles';
}

export default async function ArticlesPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations('Articles');
  const label = await getTranslations();
  const parsed = parsePageParams(browseParamsSchema, await searchParams);
  // An unknown filter is no filter: the schema never rejects.
  const { product, audience } = parsed.ok ? parsed.params : {};
  const articles = localizedArticles(
    locale,
    filterArticles(getArticles(), { product, audience }).map((a) => a.slug),
  )
    .map((entry) => entry.article)
    .sort((a, b) => a.frontmatter.title.localeCompare(b.frontmatter.title));
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 text-sm ${active ? 'border-brand-700 bg-brand-700 text-white dark:border-brand-500 dark:bg-brand-700' : 'border-slate-300 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800'}`;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      {/* Filter links differ from this page only in the query: with Next's prefetch, an English
          (rewritten) page would take the prefetched answer for this very page and not change. */}
      <nav aria-label={t('filterByProduct')} className="flex flex-wrap gap-2">
        <Link
          prefetch={false}
          href={filterHref(undefined, audience)}
          className={chip(!product)}
          aria-current={!product ? 'page' : undefined}
        >
          {t('allProducts')}
        </Link>
        {PRODUCTS.filter((p) => p !== 'all').map((p) => (
          <Link
            prefetch={false}
            key={p}
            href={filterHref(p, audience)}
            className={chip(product === p)}
            aria-current={product === p ? 'page' : undefined}
          >
            {label(PRODUCT_LABEL_KEYS[p])}
          </Link>
        ))}
      </nav>
      <nav aria-label={t('filterByRole')} className="flex flex-wrap gap-2">
        <Link
          prefetch={false}
          href={filterHref(product, undefined)}
          className={chip(!audience)}
          aria-current={!audience ? 'page' : undefined}
        >
          {t('anyRole')}
        </Link>
        {AUDIENCES.map((a) => (
          <Link
            prefetch={false}
            key={a}
            href={filterHref(product, a)}
            className={chip(audience === a)}
            aria-current={audience === a ? 'page' : undefined}
          >
            {label(AUDIENCE_LABEL_KEYS[a])}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
        {t('count', { count: articles.length })}
      </p>
      <ArticleList articles={articles} headingLevel={2} />
    </div>
  );
}
