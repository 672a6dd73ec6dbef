import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hasSessionCookie,
  inlineScriptHashes,
  isPrerenderedManifest,
  prerenderedScriptHashes,
  type PrerenderedManifest,
} from './prerendered';
import { prerenderedPageContentSecurityPolicy } from './security-headers';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const manifest: PrerenderedManifest = {
  version: 1,
  content: 'abc',
  pages: { '/en/articles/intro': [sha('a')], '/de': [sha('b')] },
};

const request = (localePath: string, search = '', cookie: string | null = null) => ({
  localePath,
  search: new URLSearchParams(search),
  cookie,
});

describe('inline script hashes', () => {
  it('hashes each inline script as the browser does, and skips scripts loaded from a file', async () => {
    const flight = 'self.__next_f.push([1,"<p>\\u003cb\\u003e</p>"])';
    const html = [
      '<html><head><script src="/_next/static/chunks/main.js" async=""></script>',
      `</head><body><script>${flight}</script>`,
      '<script id="x" type="application/ld+json">{"@type":"Article"}</script>',
      `<script >${flight}</script></body></html>`,
    ].join('');
    expect(await inlineScriptHashes(html)).toEqual([sha(flight), sha('{"@type":"Article"}')]);
  });

  it('gives a page without inline scripts no hash, so its policy allows none', async () => {
    expect(await inlineScriptHashes('<p>no scripts</p>')).toEqual([]);
    expect(prerenderedPageContentSecurityPolicy([])).toContain("script-src 'self';");
  });
});

describe('the policy of a prerendered page', () => {
  it("lists the page's hashes, never 'unsafe-inline', a nonce or 'strict-dynamic'", () => {
    const csp = prerenderedPageContentSecurityPolicy([sha('a'), sha('b')]);
    expect(csp).toContain(`script-src 'self' ${sha('a')} ${sha('b')};`);
    expect(csp).not.toMatch(/script-src[^;]*('unsafe-|'nonce-|'strict-dynamic')/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
      expect(csp).toContain(directive);
  });
});

describe('which requests get a prerendered page', () => {
  it('serves a prerendered path to a reader without a session or query', () => {
    expect(prerenderedScriptHashes(manifest, request('/en/articles/intro'))).toEqual([sha('a')]);
    expect(prerenderedScriptHashes(manifest, request('/de', '', 'GREENLIGHT_LOCALE=de'))).toEqual([sha('b')]);
  });

  it("serves the router's own fetch of the same page (_rsc) from the prerendered render too", () => {
    expect(prerenderedScriptHashes(manifest, request('/de', '_rsc=1x2y'))).toEqual([sha('b')]);
  });

  it('renders per request for a session cookie, whole, chunked or secure', () => {
    for (const cookie of [
      'next-auth.session-token=abc',
      'GREENLIGHT_LOCALE=en; __Secure-next-auth.session-token=abc',
      'next-auth.session-token.0=abc; next-auth.session-token.1=def',
    ]) {
      expect(prerenderedScriptHashes(manifest, request('/de', '', cookie)), cookie).toBeNull();
    }
  });

  it('renders per request whatever the visitor puts in the query', () => {
    expect(prerenderedScriptHashes(manifest, request('/de', 'q=<script>'))).toBeNull();
    expect(prerenderedScriptHashes(manifest, request('/de', '_rsc=1&path=a'))).toBeNull();
  });

  it('renders per request a path the build did not prerender, or without a manifest', () => {
    expect(prerenderedScriptHashes(manifest, request('/en/articles/other'))).toBeNull();
    expect(prerenderedScriptHashes(manifest, request('/en/search'))).toBeNull();
    expect(prerenderedScriptHashes(manifest, request('/toString'))).toBeNull();
    expect(prerenderedScriptHashes(null, request('/en/articles/intro'))).toBeNull();
  });

  it('tells session cookies from lookalikes', () => {
    expect(hasSessionCookie('next-auth.csrf-token=x; next-auth.callback-url=y')).toBe(false);
    expect(hasSessionCookie('my-next-auth.session-token=x')).toBe(false);
    expect(hasSessionCookie(null)).toBe(false);
  });
});

describe('the manifest', () => {
  it('accepts what the build writes and refuses anything that could widen the policy', () => {
    expect(isPrerenderedManifest(manifest)).toBe(true);
    expect(isPrerenderedManifest({ ...manifest, pages: { '/en': ["'unsafe-inline'"] } })).toBe(false);
    expect(isPrerenderedManifest({ ...manifest, pages: { '/en': [`${sha('a')} 'unsafe-inline'`] } })).toBe(
      false,
    );
    expect(isPrerenderedManifest({ ...manifest, version: 2 })).toBe(false);
    expect(isPrerenderedManifest(null)).toBe(false);
  });
});
