import type { Metadata, Viewport } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { AccountMenu } from '@/components/auth/AccountMenu';
import { LanguageSwitcher } from '@/components/layout/LanguageSwitcher';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { LazyNotificationBell } from '@/components/notifications/LazyNotificationBell';
import { SiteSearch } from '@/components/search/SiteSearch';
import { loadAdminEntry } from '@/lib/pages/admin-entry';
import { getSessionStatus } from '@/lib/auth/current-viewer';
import { routing } from '@/lib/i18n/routing';
import '../globals.css';

// Every page renders per request so that its scripts carry that response's CSP nonce (proxy.ts):
// a page prerendered at build time has no nonce, and the policy would block its scripts.
export const dynamic = 'force-dynamic';

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: hasLocale(routing.locales, locale) ? locale : 'en',
    namespace: 'Layout',
  });
  return { title: { default: t('title'), template: '%s · Greenlight' }, description: t('description') };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

// One page per language; the language comes from the URL, never from the request, so a page can
// be rendered ahead of time for each.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Layout');
  const session = await getSessionStatus();
  const adminEntry = session.status === 'signed-in' ? await loadAdminEntry(session.viewer) : null;
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
