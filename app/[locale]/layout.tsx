import type { Metadata, Viewport } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { loadAdminEntry } from '@/lib/pages/admin-entry';
import { getSessionStatus } from '@/lib/auth/current-viewer';
import { routing } from '@/lib/i18n/routing';
import { SiteDocument } from './site-document';

// Every page here renders per request, for the reader's header and so that its scripts carry that
// response's CSP nonce (proxy.ts). Signed-out readers of the pages app/prerendered renders at build
// time get those instead, with a hash-based policy (lib/http/prerendered.ts).
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
  const session = await getSessionStatus();
  const adminEntry = session.status === 'signed-in' ? await loadAdminEntry(session.viewer) : null;
  return (
    <SiteDocument locale={locale} session={session} adminEntry={adminEntry}>
      {children}
    </SiteDocument>
  );
}
