/** The languages Greenlight speaks. English is the default and is served without a prefix. */
export const LOCALES = ['en', 'de', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Set by proxy.ts on an unprefixed (English) page request; next.config.ts rewrites it to `/en/...`. */
export const DEFAULT_LOCALE_HEADER = 'x-greenlight-default-locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Each language's name in that language: what the switcher shows and the notices name. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', ja: '日本語' };

/** A page's address in a language: English unprefixed, the others under `/<locale>`. */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/**
 * The route tree of pages prerendered at build time for signed-out readers (app/prerendered):
 * proxy.ts marks a request for one with this header, and next.config.ts rewrites it there. The
 * segment is internal; readers never see it in an address.
 */
export const PRERENDERED_SEGMENT = 'prerendered';
export const PRERENDERED_HEADER = 'x-greenlight-prerendered';

/** `/prerendered/de/articles/x` → `/articles/x`: the reader's path of a prerendered page's route. */
export function withoutPrerenderedPrefix(pathname: string): string {
  const match = new RegExp(`^/${PRERENDERED_SEGMENT}/(?:${LOCALES.join('|')})(?=/|$)`).exec(pathname);
  return match ? pathname.slice(match[0].length) || '/' : pathname;
}
