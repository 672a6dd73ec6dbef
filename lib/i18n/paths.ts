import { DEFAULT_LOCALE, isLocale, localePath, type Locale } from './locales';

/**
 * An address without its language prefix (`/de/articles/x` → `/articles/x`, `/ja` → `/`), and the
 * language it named. next-intl's Link and router add the reader's prefix themselves, so an address
 * that already has one (search results carry their article's) goes through this first; otherwise it
 * would read `/de/de/...`.
 */
export function splitLocalePath(path: string): { locale: Locale; path: string } {
  const match = /^\/([a-z]{2})(?=\/|\?|#|$)(.*)$/.exec(path);
  const prefix = match?.[1];
  if (!match || !isLocale(prefix) || prefix === DEFAULT_LOCALE) return { locale: DEFAULT_LOCALE, path };
  const rest = match[2] ?? '';
  return { locale: prefix, path: rest.startsWith('/') ? rest : `/${rest}` };
}

/** `path` (with or without a language prefix) as the address of the same page in `locale`. */
export function pathInLocale(locale: Locale, path: string): string {
  const { path: unprefixed } = splitLocalePath(path);
  const at = unprefixed.search(/[?#]/);
  if (at === -1) return localePath(locale, unprefixed);
  const pathname = unprefixed.slice(0, at);
  return `${localePath(locale, pathname === '' ? '/' : pathname)}${unprefixed.slice(at)}`;
}
