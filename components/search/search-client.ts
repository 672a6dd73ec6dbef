'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocale } from 'next-intl';
import { useEffect, useState } from 'react';
import { searchSuggestions } from '@/components/api-client';

const DEBOUNCE_MS = 120;

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
  // The reader's language: its articles first, English as the fallback (as on the search page).
  const locale = useLocale();
  const result = useQuery({
    queryKey: ['search', locale, debounced],
    queryFn: ({ signal }) => searchSuggestions(debounced, locale, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return { ...result, debouncedQuery: debounced };
}
