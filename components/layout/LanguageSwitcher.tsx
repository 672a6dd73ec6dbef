'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { saveMyLocale } from '@/components/api-client';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';

/**
 * The same page in another language. Each name is written in its own language (and marked so),
 * so a reader finds theirs whatever the page is in. Choosing one sets the cookie that keeps it and,
 * for a signed-in person, the language of their e-mails and notifications.
 */
export function LanguageSwitcher({ signedIn = false }: { signedIn?: boolean }) {
  return (
    <Suspense fallback={<LanguageLinks query="" signedIn={signedIn} />}>
      <LanguageLinksWithQuery signedIn={signedIn} />
    </Suspense>
  );
}

function LanguageLinksWithQuery({ signedIn }: { signedIn: boolean }) {
  return <LanguageLinks query={useSearchParams().toString()} signedIn={signedIn} />;
}

function LanguageLinks({ query, signedIn }: { query: string; signedIn: boolean }) {
  const t = useTranslations('LanguageSwitcher');
  const current = useLocale();
  const pathname = usePathname();
  const href = query ? `${pathname}?${query}` : pathname;
  return (
    <nav aria-label={t('label')} className="flex gap-2 text-sm">
      {LOCALES.map((locale) =>
        locale === current ? (
          <span key={locale} lang={locale} aria-current="true" className="font-semibold">
            {LOCALE_NAMES[locale]}
          </span>
        ) : (
          <Link
            key={locale}
            href={href}
            locale={locale}
            lang={locale}
            hrefLang={locale}
            onClick={signedIn ? () => saveMyLocale(locale) : undefined}
            className="text-slate-700 underline-offset-2 hover:underline dark:text-slate-300"
          >
            {LOCALE_NAMES[locale]}
          </Link>
        ),
      )}
    </nav>
  );
}
