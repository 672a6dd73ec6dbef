'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { isLocale, localePath } from '@/lib/i18n/locales';
import { useEffect, useState } from 'react';
import { sessionHasEnded } from '@/components/api-client';
import { signOut } from './sign-out';

/**
 * "Sign out", shown only to a signed-in person. Once per page load it also asks next-auth for the
 * session: that keeps an active session rolling (next-auth re-issues the cookie) and lets the
 * server rotate an expiring Atlassian token. If the session has ended meanwhile, the header is
 * rendered again by the server, which then says so.
 */
export function SignOutButton() {
  const t = useTranslations('Auth');
  const locale = useLocale();
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    void sessionHasEnded()
      .then((ended) => {
        if (current && ended) router.refresh();
      })
      // Not answered (offline, a blip): the header stays as the server drew it; the next page asks again.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [router]);
  return (
    <>
      {failed ? (
        <span role="alert" className="sr-only">
          {t('signOutFailed')}
        </span>
      ) : null}
      <button
        type="button"
        onClick={() => {
          setFailed(false);
          // Home in the reader's language, not the English one.
          signOut(localePath(isLocale(locale) ? locale : 'en', '/')).catch(() => setFailed(true));
        }}
        className="rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-300 dark:hover:bg-slate-900"
      >
        {failed ? t('signOutRetry') : t('signOut')}
      </button>
    </>
  );
}
