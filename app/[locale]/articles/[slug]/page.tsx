import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/article/ArticleList';
import { ArticleSources } from '@/components/article/ArticleSources';
import { ProductBadges } from '@/components/article/ArticleMeta';
import { FeedbackWidget } from '@/components/article/FeedbackWidget';
import { mdxComponents } from '@/components/article/mdx-components';
import { TableOfContents } from '@/components/article/TableOfContents';
import { WhoCanDoThis } from '@/components/article/WhoCanDoThis';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getLocalizedArticle, localizedArticles } from '@/lib/content/localized-articles';
import { LOCALE_NAMES, isLocale } from '@/lib/i18n/locales';
import { compiledArticleBody } from '@/lib/content/compile';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { localizedMetadata } from '@/lib/pages/page-metadata';

// Rendered per request (each page needs its own CSP nonce) from the content root read at run
// time, so the build bakes in no list of slugs: an unknown slug is the not-found page below.
type Props = { params: Promise<LocaleParams & { slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const language = isLocale(locale) ? locale : 'en';
  const article = getLocalizedArticle(language, slug)?.article;
  return article
    ? localizedMetadata(language, `/articles/${article.slug}`, {
        title: article.frontmatter.title,
        description: article.frontmatter.summary,
      })
    : {};
}

export default async function ArticlePage({ params }: Props) {
  const locale = await pageLocale(params);
  const shown = getLocalizedArticle(locale, (await params).slug);
  if (!shown) notFound();
  const { article } = shown;
  const t = await getTranslations('Article');
  const format = await getFormatter();
  // An English article on a German or Japanese page says so, and is marked as English.
  const bodyLang = shown.locale === locale ? undefined : shown.locale;
  const { frontmatter } = article;
  const Body = await compiledArticleBody(article.body);
  const related = localizedArticles(locale, frontmatter.related).map((entry) => entry.article);

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_15rem]">
      <article className="min-w-0">
        {shown.state === 'untranslated' ? (
          <p
            role="note"
            className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            {t('notTranslated', { language: LOCALE_NAMES[locale] })}
          </p>
        ) : shown.state === 'stale' ? (
          <p
            role="note"
            className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            {t('stale')}{' '}
            <Link href={`/articles/${article.slug}`} locale="en" className="underline">
              {t('readEnglish')}
            </Link>
          </p>
        ) : null}
        <nav aria-label={t('breadcrumb')} className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          <Link href="/articles" className="hover:underline">
            {t('articles')}
          </Link>
        </nav>
        <div lang={bodyLang}>
          <header className="space-y-4">
            <h1 className="text-3xl font-bold tracking-tight">{frontmatter.title}</h1>
            <p className="text-lg text-slate-700 dark:text-slate-300">{frontmatter.summary}</p>
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600 dark:text-slate-400">
              <ProductBadges products={frontmatter.products} />
              <span>{t('appliesTo')}</span>
              <span>
                {t.rich('lastUpdated', {
                  date: format.dateTime(new Date(`${frontmatter.updated}T00:00:00Z`), {
                    dateStyle: 'long',
                    timeZone: 'UTC',
                  }),
                  time: (chunks) => <time dateTime={frontmatter.updated}>{chunks}</time>,
                })}
              </span>
            </div>
            <WhoCanDoThis audience={frontmatter.audience} />
            {article.headings.length > 1 ? (
              <details className="rounded-md border border-slate-200 px-4 py-2 lg:hidden dark:border-slate-800">
                <summary className="cursor-pointer text-sm font-medium">{t('contents')}</summary>
                <div className="mt-2">
                  <TableOfContents headings={article.headings} idPrefix="mobile-" />
                </div>
              </details>
            ) : null}
          </header>
          <div className="prose prose-slate mt-8 max-w-none dark:prose-invert prose-a:text-brand-700 dark:prose-a:text-brand-500 prose-headings:scroll-mt-20 prose-code:before:content-none prose-code:after:content-none">
            <Body components={mdxComponents} />
          </div>
          <ArticleSources sources={frontmatter.sources} verified={frontmatter.verified} />
        </div>
        <FeedbackWidget slug={article.slug} />
        {related.length > 0 ? (
          <section aria-labelledby="related-title" className="mt-10">
            <h2 id="related-title" className="text-lg font-semibold">
              {t('related')}
            </h2>
            <ArticleList articles={related} />
          </section>
        ) : null}
      </article>
      <div className="hidden lg:block">
        <div className="sticky top-20">
          <TableOfContents headings={article.headings} />
        </div>
      </div>
    </div>
  );
}
