'use client';

import { isServer, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A fresh client per server render; one per browser tab, shared by every island that asks. */
function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

/**
 * Wraps only the parts of a page that fetch with react-query (the troubleshooter, the header's
 * search once opened, the notification bell), not the whole app: an article read by a signed-out
 * visitor then loads no react-query at all. Every island shares the tab's one client and cache.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
