import { describe, expect, it } from 'vitest';
import { localeAlternates } from './alternates';

describe('localeAlternates', () => {
  it('names the same page in every language, English unprefixed and the x-default', () => {
    expect(localeAlternates('de', '/articles/revoke-an-app')).toEqual({
      canonical: '/de/articles/revoke-an-app',
      languages: {
        en: '/articles/revoke-an-app',
        de: '/de/articles/revoke-an-app',
        ja: '/ja/articles/revoke-an-app',
        'x-default': '/articles/revoke-an-app',
      },
    });
  });

  it('maps the home page to the bare language prefix and keeps a query string after it', () => {
    expect(localeAlternates('en', '/').languages).toEqual({
      en: '/',
      de: '/de',
      ja: '/ja',
      'x-default': '/',
    });
    expect(localeAlternates('ja', '/search?q=app').canonical).toBe('/ja/search?q=app');
    expect(localeAlternates('ja', '/search?q=app').languages.de).toBe('/de/search?q=app');
  });
});
