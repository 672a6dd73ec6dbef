import { setRequestLocale } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/routing';

export type LocaleParams = { locale: string };

/**
 * The page's language, from its `[locale]` segment, told to next-intl so the page can be rendered
 * ahead of time (the language never comes from the request's headers). The layout has already
 * answered an unknown segment with the not-found page; the default only satisfies the type.
 */
export async function pageLocale(params: Promise<LocaleParams>): Promise<Locale> {
  const { locale } = await params;
  const known = isLocale(locale) ? locale : DEFAULT_LOCALE;
  setRequestLocale(known);
  return known;
}
