import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales';

/**
 * The locale an Accept-Language header asks for: the highest-weighted entry whose language
 * (`de-AT` → `de`) Greenlight speaks; English when none does. `q=0` means "not this one".
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .slice(0, 1000)
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q) : 1, index };
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { language } of ranked) {
    if (language === '*') return DEFAULT_LOCALE;
    if ((LOCALES as readonly string[]).includes(language)) return language as Locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * The language a person is browsing in, as a request that is not a page (an API call, the sign-in
 * callback) can tell: the language cookie next-intl keeps once the page's language differs from
 * what the browser asks for, otherwise the browser's Accept-Language.
 */
export function browsingLocale(
  cookieLocale: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  return isLocale(cookieLocale) ? cookieLocale : negotiateLocale(acceptLanguage);
}
