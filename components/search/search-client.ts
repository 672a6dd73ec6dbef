'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SearchAnswer } from '@/lib/search/search-answer';

const DEBOUNCE_MS = 120;

export function searchUrl(query: string, options: { limit?: number; log?: boolean } = {}): string {
  const params = new URLSearchParams({ q: query.slice(0, 200), limit: String(options.limit ?? 8) });
  if (options.log === false) params.set('log', '0');
  return `/api/search?${params.toString()}`;
}

async function fetchSearch(query: string, signal: AbortSignal): Promise<SearchAnswer> {
  const response = await fetch(searchUrl(query, { log: false }), { signal });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? 'Search is unavailable right now.');
  }
  return (await response.json()) as SearchAnswer;
}

/**
 * Results as you type: debounced, and the previous results stay on screen while the next load,
 * so the list never flashes empty between keystrokes.
 */
export function useSearchAsYouType(query: string) {
  const [debounced, setDebounced] = useState(query.trim());
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const result = useQuery({
    queryKey: ['search', debounced],
    queryFn: ({ signal }) => fetchSearch(debounced, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return { ...result, debouncedQuery: debounced };
}

/**
 * Suggestions are not logged keystroke by keystroke; the search a person settles on (Enter or a
 * chosen result) is, so insights count what people looked for, not every prefix they typed.
 */
export function logSettledSearch(query: string): void {
  const q = query.trim();
  if (!q) return;
  void fetch(searchUrl(q, { limit: 1 }), { keepalive: true }).catch(() => undefined);
}
