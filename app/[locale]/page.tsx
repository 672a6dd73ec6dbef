import Link from 'next/link';
import { ArticleList } from '@/components/article/ArticleList';
import { BrowseLinks } from '@/components/home/BrowseLinks';
import { getArticles } from '@/lib/content/articles';
import { audienceCounts, productCounts, recentlyUpdated } from '@/lib/content/browse';
import { popularArticles } from '@/lib/content/featured';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';

export default async function HomePage({ params }: { params: Promise<LocaleParams> }) {
  await pageLocale(params);
  const articles = getArticles();
  return (
    <div className="space-y-12">
      <section aria-labelledby="hero-title" className="space-y-6 pt-4 text-center">
        <h1 id="hero-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          Get past &ldquo;Your site admin must authorize this app&rdquo;
        </h1>
        <p className="mx-auto max-w-2xl text-lg text-slate-700 dark:text-slate-300">
          Paste the error or describe the problem. Greenlight finds the answer, tells you who can fix it, and
          sends them everything they need.
        </p>
        <form action="/search" method="get" role="search" className="mx-auto flex max-w-2xl gap-2">
          <label htmlFor="home-search" className="sr-only">
            Search the help center
          </label>
          <input
            id="home-search"
            name="q"
            type="search"
            required
            maxLength={200}
            className="input py-3 text-base"
            placeholder="Paste an error or search, e.g. authorize app"
          />
          <button type="submit" className="btn-primary px-6">
            Search
          </button>
        </form>
      </section>

      <section
        aria-labelledby="fix-title"
        className="rounded-xl border border-brand-500 bg-brand-50 p-6 sm:flex sm:items-center sm:justify-between sm:gap-6 dark:border-brand-700 dark:bg-brand-900/30"
      >
        <div>
          <h2 id="fix-title" className="text-xl font-semibold">
            Fix &lsquo;site admin must authorize this app&rsquo;
          </h2>
          <p className="mt-1 text-slate-700 dark:text-slate-300">
            A short troubleshooter: it finds your site admins or walks an admin through authorizing the app.
          </p>
        </div>
        <Link href="/troubleshoot/authorize-app" className="btn-primary mt-4 shrink-0 sm:mt-0">
          Start the troubleshooter
        </Link>
      </section>

      <BrowseLinks products={productCounts(articles)} audiences={audienceCounts(articles)} />

      <div className="grid gap-10 md:grid-cols-2">
        <section aria-labelledby="popular-title">
          <h2 id="popular-title" className="text-lg font-semibold">
            Popular articles
          </h2>
          <ArticleList articles={popularArticles()} />
        </section>
        <section aria-labelledby="recent-title">
          <h2 id="recent-title" className="text-lg font-semibold">
            Recently updated
          </h2>
          <ArticleList articles={recentlyUpdated(articles, 6)} />
        </section>
      </div>
    </div>
  );
}
