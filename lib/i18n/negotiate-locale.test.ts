import { describe, expect, it } from 'vitest';
import { browsingLocale, negotiateLocale } from './negotiate-locale';

describe('negotiateLocale', () => {
  it.each([
    ['ja,en-US;q=0.9,en;q=0.8', 'ja'],
    ['de-AT,de;q=0.9', 'de'],
    ['fr-FR,fr;q=0.9,de;q=0.5,ja;q=0.4', 'de'],
    ['en;q=0.2,ja;q=0.8', 'ja'],
    ['ja;q=0,de', 'de'],
    ['fr,es', 'en'],
    ['*', 'en'],
    ['', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('takes a missing header as English', () => {
    expect(negotiateLocale(null)).toBe('en');
  });
});

describe('browsingLocale', () => {
  it('prefers the language the reader chose over the browser’s', () => {
    expect(browsingLocale('ja', 'de-DE,de')).toBe('ja');
  });

  it('falls back to Accept-Language when the cookie is absent or not a locale', () => {
    expect(browsingLocale(undefined, 'de-DE,de')).toBe('de');
    expect(browsingLocale('fr', 'ja')).toBe('ja');
  });
});
