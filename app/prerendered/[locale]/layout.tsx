import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteDocument } from '@/app/[locale]/site-document';
import { routing } from '@/lib/i18n/routing';

/**
 * The pages rendered once at build time for every signed-out reader: the home page, each article
 * and the troubleshooter's first step, in each language. proxy.ts routes a request here only when
 * it has no session cookie and no query string, and gives it a policy with these pages' script
 * hashes (lib/http/prerendered.ts); everyone else gets the same pages from app/[locale], per request.
 *
 * Nothing here may depend on the request: 'error' fails the build if a page reads headers,
 * cookies or the query, which would otherwise bake one visitor's request into everyone's page.
 */
export const dynamic = 'error';
export const dynamicParams = false;

export { generateMetadata, generateStaticParams, viewport } from '@/app/[locale]/layout';

const SIGNED_OUT = { status: 'signed-out' } as const;

export default async function PrerenderedLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <SiteDocument locale={locale} session={SIGNED_OUT} adminEntry={null}>
      {children}
    </SiteDocument>
  );
}
