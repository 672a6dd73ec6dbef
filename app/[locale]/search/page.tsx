import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import { ArticleList } from '@/components/article/ArticleList';
import { RecognisedErrorCard } from '@/components/search/RecognisedErrorCard';
import { SearchLogBeacon } from '@/components/search/SearchLogBeacon';
import { SearchResultLink } from '@/components/search/SearchResultLink';
import { Snippet } from '@/components/search/Snippet';
import { popularArticles } from '@/lib/content/featured';
import { localizedArticles } from '@/lib/content/localized-articles';
import { localePath, type Locale } from '@/lib/i18n/locales';
import { AUDIENCE_LABEL_KEYS, PRODUCT_LABEL_KEYS } from '@/components/article/labels';
import type { Audience, Product } from '@/lib/content/schema';
import { localizedMetadata } from '@/lib/pages/page-metadata';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { searchHelpCenter } from '@/lib/search/search-help-center';
import { MAX_QUERY_LENGTH, searchPageParamsSchema } from '@/lib/search/search-request';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

type Props = { params: Promise<LocaleParams>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return localizedMetadata(locale, '/search', {
    title: t('searchTitle'),
    description: t('searchDescription'),
  });
}

/** A filter link's address, unprefixed: Link adds the reader's language. */
function searchHref(q: string, product?: string, audience?: string) {
  const params = new URLSearchParams({ q });
  if (product) params.set('product', product);
  if (audience) params.set('audience', audience);
  return `/search?${params.toString()}`;
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations('Search');
  const label = await getTranslations();
  const parsed = parsePageParams(searchPageParamsSchema, await searchParams);
  // The schema never rejects (an odd value is dropped); the fallback only satisfies the type.
  const { q, product, audience } = parsed.ok
    ? parsed.params
    : { q: '', product: undefined, audience: undefined };
  // Rendering writes nothing (a GET must not change state): the results, once shown in a browser,
  // report the search with a same-origin POST (SearchLogBeacon), which a crawler or a cross-site
  // <img> never sends.
  const answer = q ? searchHelpCenter({ q, product, audience, limit: 20, locale }) : undefined;
  const chip = (active: boolean) =>
    `flex justify-between gap-3 rounded-md px-2 py-1 text-sm ${active ? 'bg-brand-700 text-white dark:bg-brand-700' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <form
        action={localePath(locale, '/search')}
        method="get"
        role="search"
        className="flex max-w-2xl gap-2"
      >
        <label htmlFor="search-page-q" className="sr-only">
          {t('label')}
        </label>
        <input
          id="search-page-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={MAX_QUERY_LENGTH}
          required
          className="input"
          placeholder={t('placeholder')}
        />
        {product ? <input type="hidden" name="product" value={product} /> : null}
        {audience ? <input type="hidden" name="audience" value={audience} /> : null}
        <button type="submit" className="btn-primary">
          {t('button')}
        </button>
      </form>

      {answer ? (
        <div className="grid gap-8 md:grid-cols-[12rem_minmax(0,1fr)]">
          <aside aria-label={t('filters')} className="space-y-6">
            <nav aria-label={t('filterByProduct')}>
              <h2 className="mb-2 text-sm font-semibold">{t('product')}</h2>
              <ul className="space-y-1">
                <li>
                  <Link
                    prefetch={false}
                    href={searchHref(q, undefined, audience)}
                    className={chip(!product)}
                    aria-current={!product ? 'page' : undefined}
                  >
                    {t('anyProduct')}
                  </Link>
                </li>
                {(Object.entries(answer.facets.product) as Array<[Product, number]>)
                  .filter(([key]) => key !== 'all' && PRODUCT_LABEL_KEYS[key])
                  .map(([key, count]) => (
                    <li key={key}>
                      <Link
                        prefetch={false}
                        href={searchHref(q, key, audience)}
                        className={chip(product === key)}
                        aria-current={product === key ? 'page' : undefined}
                      >
                        <span>{label(PRODUCT_LABEL_KEYS[key])}</span> <span>{count}</span>
                      </Link>
                    </li>
                  ))}
              </ul>
            </nav>
            <nav aria-label={t('filterByRole')}>
              <h2 className="mb-2 text-sm font-semibold">{t('audience')}</h2>
              <ul className="space-y-1">
                <li>
                  <Link
                    prefetch={false}
                    href={searchHref(q, product, undefined)}
                    className={chip(!audience)}
                    aria-current={!audience ? 'page' : undefined}
                  >
                    {t('anyone')}
                  </Link>
                </li>
                {(Object.entries(answer.facets.audience) as Array<[Audience, number]>)
                  .filter(([key]) => AUDIENCE_LABEL_KEYS[key])
                  .map(([key, count]) => (
                    <li key={key}>
                      <Link
                        prefetch={false}
                        href={searchHref(q, product, key)}
                        className={chip(audience === key)}
                        aria-current={audience === key ? 'page' : undefined}
                      >
                        <span>{label(AUDIENCE_LABEL_KEYS[key])}</span> <span>{count}</span>
                      </Link>
                    </li>
                  ))}
              </ul>
            </nav>
          </aside>
          <div className="min-w-0 space-y-6">
            <SearchLogBeacon q={q} product={product} audience={audience} />
            {answer.signature ? <RecognisedErrorCard signature={answer.signature} /> : null}
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {answer.results.length > 0
                ? t('results', { count: answer.results.length, q })
                : product || audience
                  ? t('noMatchesFiltered', { q })
                  : t('noMatches', { q })}
            </p>
            {answer.results.length > 0 ? (
              <ol className="divide-y divide-slate-200 dark:divide-slate-800">
                {answer.results.map((result) => (
                  <li key={result.slug} className="py-4">
                    <h2 className="font-medium" lang={result.locale === locale ? undefined : result.locale}>
                      <SearchResultLink
                        q={q}
                        slug={result.slug}
                        href={result.url}
                        className="text-brand-700 hover:underline dark:text-brand-500"
                      >
                        {result.title}
                      </SearchResultLink>
                      {result.locale === locale ? null : (
                        <span
                          lang={locale}
                          className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400"
                        >
                          {t('inEnglish')}
                        </span>
                      )}
                    </h2>
                    <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                      <Snippet html={result.snippet} />
                    </p>
                  </li>
                ))}
              </ol>
            ) : (
              <NoResults locale={locale} />
            )}
          </div>
        </div>
      ) : (
        <p className="text-slate-700 dark:text-slate-300">{t('hint')}</p>
      )}
    </div>
  );
}

async function NoResults({ locale }: { locale: Locale }) {
  const t = await getTranslations('Search');
  return (
    <div className="space-y-6">
      <div className="card space-y-3">
        <p>{t.rich('noResultsNote', { em: (chunks) => <em>{chunks}</em> })}</p>
        <Link href="/troubleshoot/authorize-app" className="btn-primary">
          {t('startTroubleshooter')}
        </Link>
      </div>
      <section aria-labelledby="suggested-title">
        <h2 id="suggested-title" className="text-lg font-semibold">
          {t('suggested')}
        </h2>
        <ArticleList
          articles={localizedArticles(
            locale,
            popularArticles().map((a) => a.slug),
          ).map((entry) => entry.article)}
        />
      </section>
    </div>
  );
}
