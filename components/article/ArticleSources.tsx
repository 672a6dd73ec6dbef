import type { Frontmatter } from '@/lib/content/schema';
import { formatDate } from './ArticleMeta';

/** Where the article's facts come from, from its frontmatter, so readers can check them too. */
export function ArticleSources({ sources, verified }: Pick<Frontmatter, 'sources' | 'verified'>) {
  if (sources.length === 0) return null;
  return (
    <section aria-labelledby="sources-title" className="mt-10 text-sm text-slate-700 dark:text-slate-300">
      <h2 id="sources-title" className="text-lg font-semibold">
        Sources
      </h2>
      {verified ? (
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          Checked against these sources on <time dateTime={verified}>{formatDate(verified)}</time>.
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
