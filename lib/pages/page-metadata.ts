import type { Metadata } from 'next';
import { getConfig } from '@/lib/config';
import { localeAlternates } from '@/lib/i18n/alternates';
import type { Locale } from '@/lib/i18n/locales';

/**
 * A public page's metadata: its title and description in the reader's language, and its `hreflang`
 * alternates (the same page in every language, `x-default` English) resolved against the public
 * URL. `path` is the page's unprefixed address.
 */
export function localizedMetadata(
  locale: Locale,
  path: string,
  fields: Pick<Metadata, 'title' | 'description' | 'robots'> = {},
): Metadata {
  const publicUrl = getConfig().NEXTAUTH_URL;
  const { canonical, languages } = localeAlternates(locale, path);
  // Absolute here, and no metadataBase: with one, the pages prerendered at build time came out with
  // relative hreflang links (Next.js shortened them against it), and search engines want fully
  // qualified ones. Without a public URL (development) they stay relative.
  const absolute = (address: string) => (publicUrl ? new URL(address, publicUrl).toString() : address);
  return {
    ...fields,
    alternates: {
      canonical: absolute(canonical),
      languages: Object.fromEntries(
        Object.entries(languages).map(([language, address]) => [language, absolute(address)]),
      ),
    },
  };
}
