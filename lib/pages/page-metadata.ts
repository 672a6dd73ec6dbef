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
  return {
    ...fields,
    ...(publicUrl ? { metadataBase: new URL(publicUrl) } : {}),
    alternates: localeAlternates(locale, path),
  };
}
