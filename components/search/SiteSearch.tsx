'use client';

import { useTranslations } from 'next-intl';
import { lazy, Suspense, useEffect, useId, useRef, useState, useTransition, type RefObject } from 'react';

const loadWidget = () =>
  import('./SiteSearchWidget').then((module) => ({ default: module.SiteSearchWidget }));
const SiteSearchWidget = lazy(loadWidget);

interface Start {
  palette: boolean;
}

/**
 * The header's search as every page first loads it: a plain box and the Ctrl K button, without
 * cmdk and its dialog (about 20 KB gzipped that an article reader rarely needs). Focusing the box,
 * Ctrl+K or the button loads the real search (SiteSearchWidget) in a transition, so the box stays
 * usable, keeps what was typed and keeps the focus until it is swapped in.
 */
export function SiteSearch() {
  const [start, setStart] = useState<Start | null>(null);
  const [, startTransition] = useTransition();
  const boxRef = useRef<HTMLInputElement>(null);
  const open = (palette: boolean) => startTransition(() => setStart((current) => current ?? { palette }));

  useEffect(() => {
    if (start) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  // One boundary that is always there: in a transition React keeps showing the box while the
  // widget loads, instead of a fallback.
  return (
    <Suspense fallback={null}>
      {start ? (
        <SiteSearchWidget
          initialQuery={() => boxRef.current?.value ?? ''}
          initialPaletteOpen={start.palette}
          focusInline={!start.palette}
        />
      ) : (
        <SearchBox boxRef={boxRef} onOpen={open} />
      )}
    </Suspense>
  );
}

function SearchBox({
  boxRef,
  onOpen,
}: {
  boxRef: RefObject<HTMLInputElement | null>;
  onOpen: (palette: boolean) => void;
}) {
  const t = useTranslations('Search');
  const listId = useId();
  return (
    <>
      <div className="relative hidden sm:block" onPointerEnter={() => void loadWidget()}>
        <input
          ref={boxRef}
          role="combobox"
          aria-expanded={false}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-label={t('label')}
          maxLength={200}
          placeholder={t('headerPlaceholder')}
          className="input w-56 py-1.5 text-sm lg:w-72"
          onFocus={() => onOpen(false)}
        />
        <div id={listId} role="listbox" aria-label={t('resultsLabel')} hidden />
      </div>
      <button
        type="button"
        onClick={() => onOpen(true)}
        onPointerEnter={() => void loadWidget()}
        className="btn-secondary px-2.5 py-1.5"
        aria-keyshortcuts="Control+K Meta+K"
      >
        <span className="sm:hidden">{t('button')}</span>
        <kbd className="hidden font-sans text-xs text-slate-600 sm:inline dark:text-slate-400">Ctrl K</kbd>
      </button>
    </>
  );
}
