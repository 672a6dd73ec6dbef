import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { describe, expect, it } from 'vitest';
import { config as proxyConfig } from '@/proxy';
import {
  createNonce,
  isPageRequest,
  pageContentSecurityPolicy,
  securityHeaders,
  staticHeaderRules,
} from './security-headers';

/** The headers next.config's rules give a path, the way Next's router matches `source`. */
function headersFromRules(pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of staticHeaderRules({ production: true })) {
    if (!getPathMatch(rule.source, { strict: true })(pathname)) continue;
    for (const { key, value } of rule.headers) headers[key] = value;
  }
  return headers;
}

describe('security headers', () => {
  it('gives pages a nonce-based script policy and no unsafe-inline or eval in production', () => {
    const csp = pageContentSecurityPolicy('abc123==', { development: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
  });

  it("allows eval only for React's development build", () => {
    expect(pageContentSecurityPolicy('n', { development: true })).toMatch(/script-src[^;]*'unsafe-eval'/);
  });

  it('sends HSTS of a year in production only', () => {
    expect(securityHeaders({ production: true, development: false })['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(securityHeaders({ production: false, development: true })).not.toHaveProperty(
      'strict-transport-security',
    );
  });

  it('gives everything that is not a page a policy that loads nothing', () => {
    const headers = securityHeaders({ production: true, development: false });
    expect(headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    expect(headers['permissions-policy']).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it.each([
    ['/', true],
    ['/articles/site-admin-must-authorize-app', true],
    ['/troubleshoot/authorize-app', true],
    ['/api/health', false],
    ['/api', false],
    ['/_next/static/chunks/app.js', false],
    ['/favicon.ico', false],
    ['/robots.txt', false],
    ['/api/auth/callback/atlassian', false],
    ['/apiary', true],
    ['/admin/insights', true],
  ])('%s is a page: %s', (pathname, page) => {
    expect(isPageRequest(pathname)).toBe(page);
    // The proxy (the nonce policy) runs for pages only, and next.config's resource policy covers
    // everything else: every path gets exactly one Content-Security-Policy.
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: pathname })).toBe(page);
    const fixed = headersFromRules(pathname);
    expect(fixed).toMatchObject({
      'x-content-type-options': 'nosniff',
      'strict-transport-security': expect.any(String),
    });
    expect('content-security-policy' in fixed).toBe(!page);
  });
});
