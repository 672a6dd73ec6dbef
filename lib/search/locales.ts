/** The languages the help center is searched in; English is the default and the fallback. */
export const SEARCH_LOCALES = ['en', 'de', 'ja'] as const;
export type SearchLocale = (typeof SEARCH_LOCALES)[number];
export const DEFAULT_SEARCH_LOCALE: SearchLocale = 'en';

export function isSearchLocale(value: unknown): value is SearchLocale {
  return typeof value === 'string' && (SEARCH_LOCALES as readonly string[]).includes(value);
}
