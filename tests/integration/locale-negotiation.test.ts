import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE_HEADER } from '@/lib/i18n/locales';
import { proxy } from '@/proxy';

// The proxy picks a page's language: the URL's prefix, else the remembered choice (cookie), else
// the browser's Accept-Language on the first visit.

const visit = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers }));
const forwardedHeader = (response: Response, name: string) =>
  response.headers.get(`x-middleware-request-${name}`);

describe('choosing the language of a page', () => {
  it('sends a first visit from a German or Japanese browser to its language', () => {
    for (const [acceptLanguage, target] of [
      ['de-DE,de;q=0.9,en;q=0.8', '/de/articles'],
      ['ja,en-US;q=0.8', '/ja/articles'],
    ] as const) {
      const response = visit('/articles', { 'accept-language': acceptLanguage });
      expect(response.status).toBe(307);
      expect(new URL(response.headers.get('location')!, 'http://x').pathname).toBe(target);
    }
  });

  it('serves English unprefixed to an English or unknown browser, marked for the /en rewrite', () => {
    for (const acceptLanguage of ['en-US,en;q=0.9', 'fr-FR', '']) {
      const response = visit('/articles', acceptLanguage ? { 'accept-language': acceptLanguage } : {});
      expect(response.headers.get('location')).toBeNull();
      expect(forwardedHeader(response, DEFAULT_LOCALE_HEADER)).toBe('en');
    }
  });

  it('keeps a language the reader chose (cookie) over the browser’s', () => {
    const response = visit('/articles', { 'accept-language': 'de-DE', cookie: 'GREENLIGHT_LOCALE=en' });
    expect(response.headers.get('location')).toBeNull();
    expect(forwardedHeader(response, DEFAULT_LOCALE_HEADER)).toBe('en');
  });

  it('serves a prefixed page as it is and remembers that language', () => {
    const response = visit('/ja/search?q=x', { 'accept-language': 'en-US' });
    expect(response.headers.get('location')).toBeNull();
    expect(forwardedHeader(response, DEFAULT_LOCALE_HEADER)).toBeNull();
    expect(response.headers.get('set-cookie')).toMatch(/GREENLIGHT_LOCALE=ja/);
  });

  it('gives every page its nonce policy and its alternates in the other languages', () => {
    const response = visit('/de/articles');
    expect(response.headers.get('content-security-policy')).toMatch(/'nonce-[^']+'/);
    expect(forwardedHeader(response, 'content-security-policy')).toBe(
      response.headers.get('content-security-policy'),
    );
    const link = response.headers.get('link') ?? '';
    for (const hreflang of ['en', 'de', 'ja', 'x-default']) expect(link).toContain(`hreflang="${hreflang}"`);
  });
});
