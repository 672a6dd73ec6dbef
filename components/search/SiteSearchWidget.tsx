'use client';

import { Command } from 'cmdk';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { QueryProvider } from '@/components/query-provider';
import type { SearchAnswer } from '@/lib/search/search-answer';
import { sendSearchEvent } from '@/components/api-client';
import { useSearchAsYouType } from './search-client';
import { SearchResultsList } from './SearchResultsList';

export interface SiteSearchWidgetProps {
  /** What was typed into the lightweight box (SiteSearch.tsx) before this component loaded. */
  initialQuery: () => string;
  /** Opened by Ctrl+K or the search button: start with the palette open. */
  initialPaletteOpen: boolean;
  /** Opened by focusing the inline box: keep the focus there. */
  focusInline: boolean;
}

/**
 * The header's search: an inline box with results as you type (wide screens), and a palette that
 * Cmd/Ctrl+K opens from any page (and the search button opens on small screens). Loaded on first
 * use by SiteSearch, so cmdk and its dialog are not part of every page's first load.
 */
export function SiteSearchWidget(props: SiteSearchWidgetProps) {
  return (
    <QueryProvider>
      <SearchWidget {...props} />
    </QueryProvider>
  );
}

function SearchWidget({ initialQuery, initialPaletteOpen, focusInline }: SiteSearchWidgetProps) {
  const t = useTranslations('Search');
  // next/navigation's router: every address the results list hands over already has its language.
  const router = useRouter();
  const [inlineQuery, setInlineQuery] = useState(() => (initialPaletteOpen ? '' : initialQuery()));
  const [inlineOpen, setInlineOpen] = useState(focusInline);
  const [paletteOpen, setPaletteOpen] = useState(initialPaletteOpen);
  const [paletteQuery, setPaletteQuery] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const inline = useSearchAsYouType(inlineQuery);
  const palette = useSearchAsYouType(paletteQuery);
  const [inlineSelected, setInlineSelected] = useSelectionFollowingResults(inline.data);
  const [paletteSelected, setPaletteSelected] = useSelectionFollowingResults(palette.data);

  useEffect(() => {
    if (focusInline) inputRef.current?.focus();
    // Only on mount: the box this replaced had the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const go =
    (query: string) =>
    (url: string, { slug, allResults = false }: { slug?: string; allResults?: boolean } = {}) => {
      // Picking a result settles the search. "All results" opens /search, which reports it itself.
      if (!allResults) sendSearchEvent({ kind: 'search', q: query });
      // An article picked from the results is the usage signal's "opened" (a vote on it may follow).
      if (slug) sendSearchEvent({ kind: 'open', q: query, slug });
      setInlineOpen(false);
      setPaletteOpen(false);
      setInlineQuery('');
      setPaletteQuery('');
      inputRef.current?.blur();
      router.push(url);
    };

  return (
    <>
      <Command
        shouldFilter={false}
        label={t('label')}
        className="relative hidden sm:block"
        value={inlineSelected}
        onValueChange={setInlineSelected}
        loop
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setInlineOpen(false);
            inputRef.current?.blur();
          }
        }}
      >
        <Command.Input
          ref={inputRef}
          value={inlineQuery}
          onValueChange={(value) => {
            setInlineQuery(value);
            setInlineOpen(true);
          }}
          onFocus={() => setInlineOpen(true)}
          onBlur={() => setInlineOpen(false)}
          maxLength={200}
          placeholder={t('headerPlaceholder')}
          className="input w-56 py-1.5 text-sm lg:w-72"
        />
        {/* Always in the page (hidden when closed): the box's aria-controls must name an element. */}
        <div
          hidden={!inlineOpen || !inlineQuery.trim()}
          // Keeps focus in the box while a result is clicked.
          onMouseDown={(event) => event.preventDefault()}
          className="absolute right-0 z-40 mt-2 w-[28rem] max-w-[90vw] rounded-lg border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <SearchResultsList
            query={inlineQuery}
            answer={inline.data}
            isFetching={inline.isFetching}
            error={inline.error}
            onNavigate={go(inlineQuery)}
          />
        </div>
      </Command>
      <button
        type="button"
        onClick={() => setPaletteOpen(true)}
        className="btn-secondary px-2.5 py-1.5"
        aria-keyshortcuts="Control+K Meta+K"
      >
        <span className="sm:hidden">{t('button')}</span>
        <kbd className="hidden font-sans text-xs text-slate-600 sm:inline dark:text-slate-400">Ctrl K</kbd>
      </button>
      <Command.Dialog
        open={paletteOpen}
        onOpenChange={setPaletteOpen}
        label={t('label')}
        shouldFilter={false}
        value={paletteSelected}
        onValueChange={setPaletteSelected}
        loop
        overlayClassName="fixed inset-0 z-40 bg-slate-950/50"
        contentClassName="fixed left-1/2 top-[12vh] z-50 w-[36rem] max-w-[94vw] -translate-x-1/2 rounded-xl border border-slate-200 bg-white shadow-2xl dark:border-slate-700 dark:bg-slate-900"
      >
        <Command.Input
          value={paletteQuery}
          onValueChange={setPaletteQuery}
          maxLength={200}
          placeholder={t('palettePlaceholder')}
          className="w-full rounded-t-xl border-b border-slate-200 bg-transparent px-4 py-3 text-base outline-none dark:border-slate-700"
        />
        {paletteQuery.trim() ? null : (
          <p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">{t('hint')}</p>
        )}
        <SearchResultsList
          query={paletteQuery}
          answer={paletteQuery.trim() ? palette.data : undefined}
          isFetching={palette.isFetching}
          error={palette.error}
          onNavigate={go(paletteQuery)}
        />
      </Command.Dialog>
    </>
  );
}

/** The item cmdk highlights: the best answer each time new results arrive, so Enter opens it. */
function firstItemValue(answer: SearchAnswer | undefined): string {
  if (answer?.signature?.troubleshooterUrl) return `signature:${answer.signature.slug}`;
  return answer?.results[0]?.slug ?? '__all-results';
}

function useSelectionFollowingResults(answer: SearchAnswer | undefined) {
  const [selected, setSelected] = useState(firstItemValue(answer));
  const [seen, setSeen] = useState(answer);
  if (seen !== answer) {
    // Adjusting state during render when the results change (React's documented pattern).
    setSeen(answer);
    setSelected(firstItemValue(answer));
  }
  return [selected, setSelected] as const;
}
