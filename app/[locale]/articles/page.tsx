import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleList } from '@/components/article/ArticleList';
import { getArticles } from '@/lib/content/articles';
import { browseParamsSchema, filterArticles } from '@/lib/content/browse';
import { AUDIENCE_LABELS, AUDIENCES, PRODUCT_LABELS, PRODUCTS } from '@/lib/content/schema';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export const metadata: Metadata = { title: 'All articles' };

type Props = { params: Promise<LocaleParams>; searchParams: Promise<PageSearchParams> };

function filterHref(product?: string, audience?: string) {
  const params = new URLSearchParams();
  if (product) params.set('product', product);
  if (audience) params.set('audience', audience);
  const query = params.toString();
  return query ? `/articles?${query}` : '/articles';
}

export default async function ArticlesPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const parsed = parsePageParams(browseParamsSchema, await searchParams);
  // An unknown filter is no filter: the schema never rejects.
  const { product, audience } = parsed.ok ? parsed.params : {};
  const articles = filterArticles(getArticles(), { product, audience }).sort((a, b) =>
    a.frontmatter.title.localeCompare(b.frontmatter.title),
  );
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 text-sm ${active ? 'border-brand-700 bg-brand-700 text-white dark:border-brand-500 dark:bg-brand-700' : 'border-slate-300 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800'}`;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">All articles</h1>
      <nav aria-label="Filter by product" className="flex flex-wrap gap-2">
        <Link
          href={filterHref(undefined, audience)}
          className={chip(!product)}
          aria-current={!product ? 'page' : undefined}
        >
          All products
        </Link>
        {PRODUCTS.filter((p) => p !== 'all').map((p) => (
          <Link
            key={p}
            href={filterHref(p, audience)}
            className={chip(product === p)}
            aria-current={product === p ? 'page' : undefined}
          >
            {PRODUCT_LABELS[p]}
          </Link>
        ))}
      </nav>
      <nav aria-label="Filter by role" className="flex flex-wrap gap-2">
        <Link
          href={filterHref(product, undefined)}
          className={chip(!audience)}
          aria-current={!audience ? 'page' : undefined}
        >
          Any role
        </Link>
        {AUDIENCES.map((a) => (
          <Link
            key={a}
            href={filterHref(product, a)}
            className={chip(audience === a)}
            aria-current={audience === a ? 'page' : undefined}
          >
            {AUDIENCE_LABELS[a]}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
        {articles.length} article{articles.length === 1 ? '' : 's'}
      </p>
      <ArticleList articles={articles} headingLevel={2} />
    </div>
  );
}
