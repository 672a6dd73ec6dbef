import { createTranslator } from 'next-intl';
import de from '../../messages/de.json';
import en from '../../messages/en.json';
import ja from '../../messages/ja.json';
import type { Locale } from './locales';

// Every catalog has English's keys (npm run lint checks it), so English's shape types them all.
const CATALOGS: Record<Locale, typeof en> = { en, de: de as typeof en, ja: ja as typeof en };

/**
 * Words in a given language where no page sets it: an e-mail in its recipient's language, the
 * bell in its reader's. Keys are full paths (`t('Email.open', …)`), as the catalog check reads them.
 */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGS[locale] });
}

export type Translator = ReturnType<typeof translatorFor>;
