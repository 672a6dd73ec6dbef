import { useTranslations } from 'next-intl';
import type { Heading } from '@/lib/content/markdown';

export function TableOfContents({ headings, idPrefix = '' }: { headings: Heading[]; idPrefix?: string }) {
  const t = useTranslations('Article');
  const entries = headings.filter((heading) => heading.depth === 2 || heading.depth === 3);
  if (entries.length < 2) return null;
  return (
    <nav aria-labelledby={`${idPrefix}toc-title`} className="text-sm">
      <h2 id={`${idPrefix}toc-title`} className="mb-2 font-semibold text-slate-900 dark:text-slate-100">
        {t('onThisPage')}
      </h2>
      <ol className="space-y-1.5 border-l border-slate-200 dark:border-slate-800">
        {entries.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? 'pl-6' : 'pl-3'}>
            <a
              href={`#${heading.id}`}
              className="text-slate-600 hover:text-brand-700 dark:text-slate-400 dark:hover:text-brand-500"
            >
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
