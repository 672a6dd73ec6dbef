'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { signOut } from './sign-out';

/**
 * "Sign out", shown only to a signed-in person. Once per page load it also asks next-auth for the
 * session: that keeps an active session rolling (next-auth re-issues the cookie) and lets the
 * server rotate an expiring Atlassian token. If the session has ended meanwhile, the header is
 * rendered again by the server, which then says so.
 */
export function SignOutButton() {
  const router = useRouter();
  useEffect(() => {
    let current = true;
    void fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' })
      .then((response) =>
        response.ok ? (response.json() as Promise<{ user?: unknown; error?: string }>) : null,
      )
      .then((session) => {
        if (current && session && (session.error || !session.user)) router.refresh();
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [router]);
  return (
    <button
      type="button"
      onClick={() => void signOut('/')}
      className="rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-300 dark:hover:bg-slate-900"
    >
      Sign out
    </button>
  );
}
