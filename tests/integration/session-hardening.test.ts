import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as feedbackRoute from '@/app/api/feedback/route';
import * as meRoute from '@/app/api/me/route';
import { decodeSessionToken } from '@/lib/auth/session-token';
import { parseConfig, resetConfigForTests } from '@/lib/config';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { callRoute } from '@/tests/support/call-route';
import { sessionCookieFor } from '@/tests/support/session';
import { openSuiteDatabase, pgliteBackend } from '@/tests/support/test-database';

// Sessions carry no more than the configuration allows: a demo session means nothing once demo
// sign-in is off, and production knows its public URL, so cookies are Secure behind a proxy that
// terminates TLS and the Origin check never falls back to the Host header.

const secret = 'a'.repeat(40);

describe('demo sessions when demo sign-in is off', () => {
  openSuiteDatabase(pgliteBackend, { seed: seedDemo });
  beforeAll(() => setRateLimiterForTests(createMemoryRateLimiter()));
  afterEach(() => {
    vi.unstubAllEnvs();
    resetConfigForTests();
  });

  const useAtlassianSignIn = (demo: boolean) => {
    vi.stubEnv('ATLASSIAN_CLIENT_ID', 'client');
    vi.stubEnv('ATLASSIAN_CLIENT_SECRET', 'secret');
    vi.stubEnv('GREENLIGHT_DEMO', demo ? '1' : '');
    resetConfigForTests();
  };

  it('a demo session cookie is no session: the API answers 401 and the decoder finds nobody', async () => {
    const cookie = await sessionCookieFor('nora');
    useAtlassianSignIn(false);
    const me = await callRoute(meRoute.GET, { method: 'GET', path: '/api/me', headers: { cookie } });
    expect(me.status).toBe(401);
    expect(await decodeSessionToken(cookie.slice(cookie.indexOf('=') + 1))).toBeNull();
  });

  it('with demo sign-in on (GREENLIGHT_DEMO=1) the same cookie signs Nora in', async () => {
    const cookie = await sessionCookieFor('nora');
    useAtlassianSignIn(true);
    const me = await callRoute(meRoute.GET, { method: 'GET', path: '/api/me', headers: { cookie } });
    expect(me.status).toBe(200);
  });
});

describe('NEXTAUTH_URL in production', () => {
  it('is required, and must be a URL', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret })).toThrow(/NEXTAUTH_URL/);
    expect(() =>
      parseConfig({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, NEXTAUTH_URL: 'help.example.com' }),
    ).toThrow(/NEXTAUTH_URL/);
    expect(
      parseConfig({
        NODE_ENV: 'production',
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: 'https://help.example.com',
      }).secureCookies,
    ).toBe(true);
    // Not while building: nothing is served then.
    expect(() => parseConfig({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).not.toThrow();
  });
});

describe('the visitor cookie behind a proxy that terminates TLS', () => {
  openSuiteDatabase(pgliteBackend, { seed: seedDemo });
  beforeAll(() => setRateLimiterForTests(createMemoryRateLimiter()));
  afterEach(() => {
    vi.unstubAllEnvs();
    resetConfigForTests();
  });

  it('is Secure when NEXTAUTH_URL is https, though the request reached the server over http', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://help.example.com');
    resetConfigForTests();
    const response = await callRoute(feedbackRoute.POST, {
      method: 'POST',
      path: '/api/feedback',
      body: { slug: 'site-admin-must-authorize-app', helpful: true },
      headers: { origin: 'https://help.example.com' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/^gl_vid=[0-9a-f-]{36}; .*; Secure$/);
  });

  it('is not Secure for a plain-http deployment (a local demo)', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    resetConfigForTests();
    const response = await callRoute(feedbackRoute.POST, {
      method: 'POST',
      path: '/api/feedback',
      body: { slug: 'site-admin-must-authorize-app', helpful: true },
    });
    expect(response.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});
