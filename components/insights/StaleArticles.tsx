import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { STALE_AFTER_DAYS, type StaleArticle } from '@/lib/content/freshness';

/** The articles nobody has checked against their sources lately, for whoever keeps them true. */
export function StaleArticles({ articles }: { articles: readonly StaleArticle[] }) {
  const t = useTranslations('Insights');
  const format = useFormatter();
  return (
    <section aria-labelledby="stale-articles-heading" className="space-y-3">
      <h2 id="stale-articles-heading" className="text-xl font-semibold">
        {t('stale.title')}
      </h2>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        {t('stale.lead', { days: STALE_AFTER_DAYS })}
      </p>
      {articles.length === 0 ? (
        <p>{t('stale.allFresh', { days: STALE_AFTER_DAYS })}</p>
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
                  ? t('stale.never')
                  : t('stale.verified', {
                      date: format.dateTime(new Date(`${article.verified}T00:00:00Z`), {
                        dateStyle: 'medium',
                        timeZone: 'UTC',
                      }),
                      days: article.ageDays ?? 0,
                    })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
