import { defineRouting } from 'next-intl/routing';
import { DEFAULT_LOCALE, LOCALES } from './locales';

export { DEFAULT_LOCALE, DEFAULT_LOCALE_HEADER, isLocale, LOCALES, type Locale } from './locales';

/**
 * `/de/...` and `/ja/...`, English at `/...`. The first visit is negotiated from Accept-Language;
 * a cookie remembers a language the reader chose (next-intl sets it when the page's language
 * differs from what the browser asks for).
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: 'as-needed',
  localeCookie: { name: 'GREENLIGHT_LOCALE', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' },
});
