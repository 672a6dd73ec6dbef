import Link from 'next/link';
import { STALE_AFTER_DAYS, type StaleArticle } from '@/lib/content/freshness';

/** The articles nobody has checked against their sources lately, for whoever keeps them true. */
export function StaleArticles({ articles }: { articles: readonly StaleArticle[] }) {
  return (
    <section aria-labelledby="stale-articles-heading" className="space-y-3">
      <h2 id="stale-articles-heading" className="text-xl font-semibold">
        Articles to re-check
      </h2>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Articles not verified against their Atlassian sources in the last {STALE_AFTER_DAYS} days. Atlassian
        changes its screens and plans; check each against its sources and update its verified date.
      </p>
      {articles.length === 0 ? (
        <p>Every article was verified in the last {STALE_AFTER_DAYS} days.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {articles.map((article) => (
            <li key={article.slug} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
              <Link
                href={`/articles/${article.slug}`}
                className="font-medium text-brand-700 hover:underline dark:text-brand-500"
              >
                {article.title}
              </Link>
              <span className="text-sm text-slate-600 dark:text-slate-400">
                {article.verified === null
                  ? 'never verified'
                  : `verified ${article.verified} (${article.ageDays} days ago)`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
