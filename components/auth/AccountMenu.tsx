'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { signOut } from './sign-out';
import { useBrowserSession } from './use-browser-session';
import { Suspense } from 'react';

function SignInLink({ label }: { label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = `${pathname}${search ? `?${search}` : ''}`;
  const href = pathname === '/signin' ? '/signin' : `/signin?callbackUrl=${encodeURIComponent(here)}`;
  return (
    <Link href={href} className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 dark:text-brand-500 dark:hover:bg-slate-900">
      {label}
    </Link>
  );
}

function AccountMenuContent() {
  const { data: session, isPending } = useBrowserSession();
  if (isPending) return <span className="h-8 w-20" aria-hidden="true" />;
  if (!session) return <SignInLink label="Sign in" />;
  if (session.error || !session.user) {
    return (
      <span className="flex items-center gap-2 text-sm">
        <span className="text-slate-600 dark:text-slate-400">Your session ended.</span>
        <SignInLink label="Sign in again" />
      </span>
    );
  }
  return (
    <span className="flex min-w-0 items-center gap-2 text-sm">
      <span className="truncate text-slate-700 dark:text-slate-300" title={session.user.email}>
        <span className="sr-only">Signed in as </span>
        {session.user.name || session.user.email}
      </span>
      <button
        type="button"
        onClick={() => void signOut('/')}
        className="rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-300 dark:hover:bg-slate-900"
      >
        Sign out
      </button>
    </span>
  );
}

/** The header's account corner: the signed-in name and "Sign out", or "Sign in". */
export function AccountMenu() {
  return (
    <Suspense fallback={<span className="h-8 w-20" aria-hidden="true" />}>
      <AccountMenuContent />
    </Suspense>
  );
}
