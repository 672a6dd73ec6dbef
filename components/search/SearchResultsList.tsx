'use client';

import { Command } from 'cmdk';
import { useLocale, useTranslations } from 'next-intl';
import { isLocale, localePath } from '@/lib/i18n/locales';
import { pathInLocale } from '@/lib/i18n/paths';
import type { SearchAnswer } from '@/lib/search/search-answer';
import { Snippet } from './Snippet';

export interface SearchListProps {
  query: string;
  answer: SearchAnswer | undefined;
  isFetching: boolean;
  error: Error | null;
  /**
   * Goes to `url` (an address with its language prefix); `slug` when it is an article from the
   * results (reported as opened), `allResults` for the search page (which reports the search itself).
   */
  onNavigate: (url: string, pick?: { slug?: string; allResults?: boolean }) => void;
}

const itemClass =
  'cursor-pointer rounded-md px-3 py-2 text-left data-[selected=true]:bg-slate-100 dark:data-[selected=true]:bg-slate-800';

/** The result items shared by the header dropdown and the Cmd/Ctrl+K palette (cmdk handles the keys). */
export function SearchResultsList({ query, answer, isFetching, error, onNavigate }: SearchListProps) {
  const t = useTranslations('Search');
  const current = useLocale();
  const locale = isLocale(current) ? current : 'en';
  const q = query.trim();
  const allResultsUrl = `${localePath(locale, '/search')}?q=${encodeURIComponent(q)}`;
  const site = answer?.signature?.captures.site;
  return (
    <Command.List className="max-h-[60vh] overflow-y-auto p-2">
      {error ? (
        <p role="alert" className="px-3 py-2 text-sm text-red-700 dark:text-red-400">
          {t('unavailable')}
        </p>
      ) : null}
      {isFetching && !answer ? <Command.Loading>{t('searching')}</Command.Loading> : null}
      {answer?.signature?.troubleshooterUrl ? (
        <Command.Group
          heading={t('recognisedError')}
          className="mb-1 text-xs text-slate-600 dark:text-slate-400"
        >
          <Command.Item
            value={`signature:${answer.signature.slug}`}
            // The troubleshooter's address from search is unprefixed: it opens in the reader's language.
            onSelect={() => onNavigate(localePath(locale, answer.signature!.troubleshooterUrl!))}
            className={itemClass}
          >
            <span className="block text-sm font-medium text-slate-900 dark:text-slate-100">
              {site ? t('fixForSite', { site }) : t('fixWithTroubleshooter')}
            </span>
          </Command.Item>
        </Command.Group>
      ) : null}
      {answer && answer.results.length > 0 ? (
        <Command.Group heading={t('articles')} className="text-xs text-slate-600 dark:text-slate-400">
          {answer.results.map((result) => (
            <Command.Item
              key={result.slug}
              value={result.slug}
              // In the reader's language: an article not translated yet shows in English there, with a notice.
              onSelect={() => onNavigate(pathInLocale(locale, result.url), { slug: result.slug })}
              className={itemClass}
            >
              <span
                className="block text-sm font-medium text-slate-900 dark:text-slate-100"
                lang={result.locale === locale ? undefined : result.locale}
              >
                {result.title}
                {result.locale === locale ? null : (
                  <span lang={locale} className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">
                    {t('inEnglish')}
                  </span>
                )}
              </span>
              <Snippet
                html={result.snippet}
                className="mt-0.5 line-clamp-2 block text-xs text-slate-600 dark:text-slate-400"
              />
            </Command.Item>
          ))}
        </Command.Group>
      ) : null}
      {answer && answer.results.length === 0 && !isFetching ? (
        <p className="px-3 py-2 text-sm text-slate-700 dark:text-slate-300">{t('noMatches', { q })}</p>
      ) : null}
      {q ? (
        <Command.Item
          value="__all-results"
          onSelect={() => onNavigate(allResultsUrl, { allResults: true })}
          className={itemClass}
        >
          <span className="text-sm text-brand-700 dark:text-brand-500">{t('allResults', { q })}</span>
        </Command.Item>
      ) : null}
    </Command.List>
  );
}
