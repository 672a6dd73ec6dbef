import { useFormatter, useTranslations } from 'next-intl';
import type { Frontmatter } from '@/lib/content/schema';

/** Where the article's facts come from, from its frontmatter, so readers can check them too. */
export function ArticleSources({ sources, verified }: Pick<Frontmatter, 'sources' | 'verified'>) {
  const t = useTranslations('Article');
  const format = useFormatter();
  if (sources.length === 0) return null;
  return (
    <section aria-labelledby="sources-title" className="mt-10 text-sm text-slate-700 dark:text-slate-300">
      <h2 id="sources-title" className="text-lg font-semibold">
        {t('sources')}
      </h2>
      {verified ? (
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {t.rich('checkedOn', {
            // A calendar date: read in UTC so it is the same day everywhere.
            date: format.dateTime(new Date(`${verified}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }),
            time: (chunks) => <time dateTime={verified}>{chunks}</time>,
          })}
        </p>
      ) : null}
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {sources.map((source) => (
          <li key={source.url}>
            <a
              href={source.url}
              rel="noopener noreferrer"
              className="text-brand-700 hover:underline dark:text-brand-500"
            >
              {source.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
