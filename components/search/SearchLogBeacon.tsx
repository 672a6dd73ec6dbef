'use client';

import { useEffect, useRef } from 'react';
import { sendSearchEvent } from '@/components/api-client';
import type { Audience, Product } from '@/lib/content/schema';

/**
 * Counts the search the results page shows, once per query and filters, by a same-origin POST
 * from the browser: rendering the page (a GET anyone can trigger) writes nothing. Renders nothing.
 */
export function SearchLogBeacon({
  q,
  product,
  audience,
}: {
  q: string;
  product?: Product;
  audience?: Audience;
}) {
  const sent = useRef<string | null>(null);
  useEffect(() => {
    const key = JSON.stringify([q, product, audience]);
    // Effects run twice in development (Strict Mode); one report per search shown.
    if (sent.current === key) return;
    sent.current = key;
    sendSearchEvent({
      kind: 'search',
      q,
      ...(product ? { product } : {}),
      ...(audience ? { audience } : {}),
    });
  }, [q, product, audience]);
  return null;
}
