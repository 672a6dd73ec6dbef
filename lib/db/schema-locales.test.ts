import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES } from '@/lib/i18n/locales';
import { STORED_LOCALES, users } from './schema';

describe('stored locales', () => {
  it('are exactly the languages Greenlight speaks, English by default', () => {
    expect([...STORED_LOCALES]).toEqual([...LOCALES]);
    expect(users.locale.default).toBe(DEFAULT_LOCALE);
  });
});
