/**
 * next-intl's server API for pages rendered by Vitest, outside Next.js. The real entry keeps the
 * page's locale in React's cache(), which only caches inside a server render, so a page called as
 * a function would lose it. This is the same API over the same catalogs and formatter: the locale
 * the page set with setRequestLocale, that locale's messages from messages/, next-intl's own
 * translator and formatter. vitest.config.ts points `next-intl/server` here.
 */
import { createFormatter, createTranslator } from 'next-intl';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';

const CATALOGS: Record<string, Record<string, unknown>> = { en, de, ja };
const TIME_ZONE = 'UTC';
let current = 'en';

export function setRequestLocale(locale: string): void {
  current = locale;
}

export async function getLocale(): Promise<string> {
  return current;
}

export async function getMessages(): Promise<Record<string, unknown>> {
  return CATALOGS[current] ?? en;
}

export async function getTranslations(
  options?: string | { locale?: string; namespace?: string },
): Promise<ReturnType<typeof createTranslator>> {
  const { locale = current, namespace } =
    typeof options === 'string' ? { namespace: options } : (options ?? {});
  return createTranslator({
    locale,
    messages: CATALOGS[locale] ?? en,
    namespace,
    timeZone: TIME_ZONE,
  } as never);
}

export async function getFormatter(options?: {
  locale?: string;
}): Promise<ReturnType<typeof createFormatter>> {
  return createFormatter({ locale: options?.locale ?? current, timeZone: TIME_ZONE });
}

export function getRequestConfig<T>(factory: T): T {
  return factory;
}
