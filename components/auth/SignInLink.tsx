'use client';

import { Link } from '@/lib/i18n/navigation';
import { splitLocalePath } from '@/lib/i18n/paths';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';

const linkClass =
  'rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 dark:text-brand-500 dark:hover:bg-slate-900';

function SignInLinkHere({ label }: { label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = `${pathname}${search ? `?${search}` : ''}`;
  // The browser's path keeps its language prefix, so the reader comes back in their language.
  const onSignIn = splitLocalePath(pathname).path === '/signin';
  const href = onSignIn ? '/signin' : `/signin?callbackUrl=${encodeURIComponent(here)}`;
  return (
    <Link href={href} className={linkClass}>
      {label}
    </Link>
  );
}

/** "Sign in", coming back to this page afterwards. */
export function SignInLink({ label }: { label: string }) {
  return (
    <Suspense
      fallback={
        <Link href="/signin" className={linkClass}>
          {label}
        </Link>
      }
    >
      <SignInLinkHere label={label} />
    </Suspense>
  );
}
