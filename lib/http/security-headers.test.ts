import { describe, expect, it } from 'vitest';
import { createNonce, isPageRequest, pageContentSecurityPolicy, securityHeaders } from './security-headers';

describe('security headers', () => {
  it('gives pages a nonce-based script policy and no unsafe-inline or eval in production', () => {
    const csp = pageContentSecurityPolicy('abc123==', { development: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
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
    expect(securityHeaders({ production: false, development: true })).not.toHaveProperty('strict-transport-security');
  });

  it('gives everything that is not a page a policy that loads nothing', () => {
    const headers = securityHeaders({ production: true, development: false });
    expect(headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' });
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
    ['/apiary', true],
  ])('%s is a page: %s', (pathname, page) => {
    expect(isPageRequest(pathname)).toBe(page);
  });
});
