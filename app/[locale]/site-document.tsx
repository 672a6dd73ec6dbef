import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AccountMenu } from '@/components/auth/AccountMenu';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { LazyNotificationBell } from '@/components/notifications/LazyNotificationBell';
import { SiteSearch } from '@/components/search/SiteSearch';
import type { SessionStatus } from '@/lib/auth/current-viewer';
import type { Locale } from '@/lib/i18n/locales';
import type { AdminEntry } from '@/lib/pages/admin-entry';
import '../globals.css';

type Props = {
  locale: Locale;
  session: SessionStatus;
  adminEntry: AdminEntry | null;
  children: ReactNode;
};

/**
 * The document around every page: header (search, account corner, languages), main, footer. The
 * per-request layout (app/[locale]) hands in the reader's session; the prerendered one
 * (app/prerendered/[locale]) a signed-out reader's, since it is rendered once for everyone.
 */
export async function SiteDocument({ locale, session, adminEntry, children }: Props) {
  const t = await getTranslations('Layout');
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only z-50 rounded bg-brand-700 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
        >
          {t('skipToContent')}
        </a>
        <NextIntlClientProvider>
          <SiteHeader adminEntry={adminEntry}>
            <SiteSearch />
            {session.status === 'signed-in' ? <LazyNotificationBell /> : null}
            <AccountMenu session={session} />
            <LanguageSwitcher signedIn={session.status === 'signed-in'} />
          </SiteHeader>
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none"
          >
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
