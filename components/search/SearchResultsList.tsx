'use client';

import { Command } from 'cmdk';
import type { SearchAnswer } from '@/lib/search/search-answer';
import { Snippet } from './Snippet';

export interface SearchListProps {
  query: string;
  answer: SearchAnswer | undefined;
  isFetching: boolean;
  error: Error | null;
  /** Goes to `url`; `slug` when it is an article from the results (reported as opened). */
  onNavigate: (url: string, slug?: string) => void;
}

const itemClass =
  'cursor-pointer rounded-md px-3 py-2 text-left data-[selected=true]:bg-slate-100 dark:data-[selected=true]:bg-slate-800';

/** The result items shared by the header dropdown and the Cmd/Ctrl+K palette (cmdk handles the keys). */
export function SearchResultsList({ query, answer, isFetching, error, onNavigate }: SearchListProps) {
  const q = query.trim();
  const allResultsUrl = `/search?q=${encodeURIComponent(q)}`;
  return (
    <Command.List className="max-h-[60vh] overflow-y-auto p-2">
      {error ? (
        <p role="alert" className="px-3 py-2 text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
      {isFetching && !answer ? <Command.Loading>Searching…</Command.Loading> : null}
      {answer?.signature?.troubleshooterUrl ? (
        <Command.Group heading="Recognised error" className="mb-1 text-xs text-slate-600 dark:text-slate-400">
          <Command.Item
            value={`signature:${answer.signature.slug}`}
            onSelect={() => onNavigate(answer.signature!.troubleshooterUrl!)}
            className={itemClass}
          >
            <span className="block text-sm font-medium text-slate-900 dark:text-slate-100">
              Fix it{answer.signature.captures.site ? ` for ${answer.signature.captures.site}` : ''} with the
              troubleshooter
            </span>
          </Command.Item>
        </Command.Group>
      ) : null}
      {answer && answer.results.length > 0 ? (
        <Command.Group heading="Articles" className="text-xs text-slate-600 dark:text-slate-400">
          {answer.results.map((result) => (
            <Command.Item
              key={result.slug}
              value={result.slug}
              onSelect={() => onNavigate(result.url, result.slug)}
              className={itemClass}
            >
              <span className="block text-sm font-medium text-slate-900 dark:text-slate-100">
                {result.title}
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
        <p className="px-3 py-2 text-sm text-slate-700 dark:text-slate-300">
          No articles match &ldquo;{q}&rdquo;.
        </p>
      ) : null}
      {q ? (
        <Command.Item value="__all-results" onSelect={() => onNavigate(allResultsUrl)} className={itemClass}>
          <span className="text-sm text-brand-700 dark:text-brand-500">
            See all results for &ldquo;{q}&rdquo;
          </span>
        </Command.Item>
      ) : null}
    </Command.List>
  );
}
