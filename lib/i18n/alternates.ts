import { DEFAULT_LOCALE, LOCALES, localePath, type Locale } from './locales';

export interface LocaleAlternates {
  /** The page's own address in the language it is shown in. */
  canonical: string;
  /** The same page in every language, and `x-default` (English) for a reader whose language is none of them. */
  languages: Record<Locale | 'x-default', string>;
}

/**
 * The `hreflang` alternates of one page: `path` is its unprefixed address (`/articles/x`, with any
 * query string it must keep), `locale` the language it is shown in. For Next.js metadata's
 * `alternates`; relative addresses resolve against `metadataBase`.
 */
export function localeAlternates(locale: Locale, path: string): LocaleAlternates {
  const [pathname = '/', query] = splitQuery(path);
  const at = (language: Locale) => `${localePath(language, pathname)}${query ? `?${query}` : ''}`;
  const languages = Object.fromEntries(LOCALES.map((language) => [language, at(language)])) as Record<
    Locale,
    string
  >;
  return { canonical: at(locale), languages: { ...languages, 'x-default': at(DEFAULT_LOCALE) } };
}

function splitQuery(path: string): [string, string | undefined] {
  const at = path.indexOf('?');
  const pathname = at === -1 ? path : path.slice(0, at);
  const query = at === -1 ? undefined : path.slice(at + 1);
  return [pathname.startsWith('/') ? pathname : `/${pathname}`, query || undefined];
}
