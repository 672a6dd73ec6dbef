'use client';

import { useQuery } from '@tanstack/react-query';

export interface BrowserSession {
  user?: { id: string; name: string; email: string };
  error?: 'session_expired';
}

// Asking next-auth's session endpoint (rather than reading cookies while rendering) keeps pages
// cacheable, and lets the server rotate an expiring Atlassian token on the way.
async function fetchSession(): Promise<BrowserSession | null> {
  const response = await fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) return null;
  const session = (await response.json()) as BrowserSession;
  return session.user || session.error ? session : null;
}

/** The signed-in person as the browser may know them (no tokens); one request shared by the header. */
export function useBrowserSession() {
  return useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: 60_000 });
}
