import { beforeEach, describe, expect, it } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import * as meRoute from '@/app/api/me/route';
import * as adminsRoute from '@/app/api/sites/[siteId]/admins/route';
import * as authorizationRoute from '@/app/api/sites/[siteId]/apps/[appId]/authorization/route';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { openSuiteDatabase, pgliteBackend } from '@/tests/support/test-database';
import { callRoute } from '@/tests/support/call-route';

// Identity comes from the session cookie alone. Headers a client (or a misconfigured proxy in
// front of us) can set must change nothing: signed out stays signed out, and Nora stays Nora.
// x-middleware-subrequest is the header behind CVE-2025-29927 (skipping Next.js middleware).
const SPOOFED_IDENTITY = {
  'x-user-id': 'user-ada',
  'x-user-email': 'ada@acme.test',
  'x-forwarded-user': 'ada@acme.test',
  'x-forwarded-email': 'ada@acme.test',
  'x-remote-user': 'ada@acme.test',
  'x-auth-request-user': 'ada@acme.test',
  'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy',
  'x-invoke-path': '/api/health',
  authorization: 'Bearer user-ada',
};

describe('spoofed identity headers change nothing', () => {
  openSuiteDatabase(pgliteBackend, { seed: seedDemo });
  beforeEach(() => setRateLimiterForTests(createMemoryRateLimiter()));

  it.each([
    ['GET', '/api/me', meRoute.GET, {}, undefined],
    ['GET', '/api/sites/site-acme/admins', adminsRoute.GET, { siteId: 'site-acme' }, undefined],
    [
      'POST',
      '/api/access-requests',
      accessRequestsRoute.POST,
      {},
      { siteId: 'site-acme', appId: 'app-docuflow' },
    ],
    [
      'PUT',
      '/api/sites/site-acme/apps/app-docuflow/authorization',
      authorizationRoute.PUT,
      { siteId: 'site-acme', appId: 'app-docuflow' },
      {},
    ],
  ] as const)('signed out, %s %s answers 401', async (method, path, handler, params, body) => {
    const response = await callRoute(handler, { method, path, params, body, headers: SPOOFED_IDENTITY });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('signed in as Nora, /api/me still answers Nora', async () => {
    const response = await callRoute(meRoute.GET, {
      method: 'GET',
      path: '/api/me',
      as: 'nora',
      headers: SPOOFED_IDENTITY,
    });
    expect(response.status).toBe(200);
    const me = (await response.json()) as {
      user: { id: string; email: string };
      sites: { id: string; role: string }[];
    };
    expect(me.user).toMatchObject({ id: 'user-nora', email: 'nora@acme.test' });
    expect(me.sites.map((site) => [site.id, site.role])).toEqual([['site-acme', 'user']]);
  });

  it("signed in as Nora, authorizing an app is still refused (Ada's headers grant nothing)", async () => {
    const response = await callRoute(authorizationRoute.PUT, {
      method: 'PUT',
      path: '/api/sites/site-acme/apps/app-docuflow/authorization',
      params: { siteId: 'site-acme', appId: 'app-docuflow' },
      body: {},
      as: 'nora',
      headers: SPOOFED_IDENTITY,
    });
    expect(response.status).toBe(403);
  });

  it("signed in as Nora, Globex's site stays invisible", async () => {
    const response = await callRoute(adminsRoute.GET, {
      method: 'GET',
      path: '/api/sites/site-globex/admins',
      params: { siteId: 'site-globex' },
      as: 'nora',
      headers: { ...SPOOFED_IDENTITY, 'x-user-id': 'user-gus' },
    });
    expect(response.status).toBe(404);
  });

  it('signed in as Nora, an access request is filed as Nora', async () => {
    const response = await callRoute(accessRequestsRoute.POST, {
      method: 'POST',
      path: '/api/access-requests',
      body: { siteId: 'site-acme', appId: 'app-docuflow' },
      as: 'nora',
      headers: SPOOFED_IDENTITY,
    });
    expect(response.status).toBe(201);
    const { request } = (await response.json()) as { request: { requester: { id: string; email: string } } };
    expect(request.requester).toMatchObject({ id: 'user-nora', email: 'nora@acme.test' });
  });
});
