import { beforeEach, describe, expect, it } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import * as accessRequestRoute from '@/app/api/access-requests/[id]/route';
import * as decisionRoute from '@/app/api/access-requests/[id]/decision/route';
import * as meRoute from '@/app/api/me/route';
import * as adminsRoute from '@/app/api/sites/[siteId]/admins/route';
import * as appsRoute from '@/app/api/sites/[siteId]/apps/route';
import * as authorizationRoute from '@/app/api/sites/[siteId]/apps/[appId]/authorization/route';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { createAccessRequest } from '@/lib/requests/create-access-request';
import { callRoute, type RouteCall } from '@/tests/support/call-route';
import { demoUser, type DemoUserKey } from '@/tests/support/session';
import { testBackends, openSuiteDatabase } from '@/tests/support/test-database';

// The two-user table: every endpoint and method, signed out, as Nora (a plain member of acme only)
// and as Ada (org admin of Acme). Globex's things must look non-existent to Nora.

const viewerOf = (key: DemoUserKey) => ({
  ...demoUser(key),
  userId: demoUser(key).id,
  source: 'local' as const,
});

interface Fixtures {
  globexRequestId: string;
  noraAcmeRequestId: string;
  samAcmeRequestId: string;
}

type Case = {
  label: string;
  handler: unknown;
  call: (f: Fixtures) => Omit<RouteCall, 'as'>;
  signedOut: 401;
  nora: number;
  noraOnGlobex?: (f: Fixtures) => Omit<RouteCall, 'as'>;
  ada: number;
};

const site = (siteId: string) => ({ siteId });
const auth = (siteId: string, appId: string) => ({
  path: `/api/sites/${siteId}/apps/${appId}/authorization`,
  params: { siteId, appId },
});

const cases: Case[] = [
  {
    label: 'GET /api/me',
    handler: meRoute.GET,
    call: () => ({ method: 'GET', path: '/api/me' }),
    signedOut: 401,
    nora: 200,
    ada: 200,
  },
  {
    label: 'GET /api/sites/{siteId}/apps',
    handler: appsRoute.GET,
    call: () => ({ method: 'GET', path: '/api/sites/site-acme/apps', params: site('site-acme') }),
    noraOnGlobex: () => ({ method: 'GET', path: '/api/sites/site-globex/apps', params: site('site-globex') }),
    signedOut: 401,
    nora: 200,
    ada: 200,
  },
  {
    label: 'GET /api/sites/{siteId}/admins',
    handler: adminsRoute.GET,
    call: () => ({ method: 'GET', path: '/api/sites/site-acme/admins', params: site('site-acme') }),
    noraOnGlobex: () => ({
      method: 'GET',
      path: '/api/sites/site-globex/admins',
      params: site('site-globex'),
    }),
    signedOut: 401,
    nora: 200,
    ada: 200,
  },
  {
    label: 'PUT /api/sites/{siteId}/apps/{appId}/authorization',
    handler: authorizationRoute.PUT,
    call: () => ({ method: 'PUT', ...auth('site-acme', 'app-roadmap'), body: {} }),
    noraOnGlobex: () => ({ method: 'PUT', ...auth('site-globex', 'app-docuflow'), body: {} }),
    signedOut: 401,
    nora: 403,
    ada: 200,
  },
  {
    label: 'DELETE /api/sites/{siteId}/apps/{appId}/authorization',
    handler: authorizationRoute.DELETE,
    call: () => ({ method: 'DELETE', ...auth('site-acme', 'app-timesheets') }),
    noraOnGlobex: () => ({ method: 'DELETE', ...auth('site-globex', 'app-roadmap') }),
    signedOut: 401,
    nora: 403,
    ada: 200,
  },
  {
    label: 'POST /api/access-requests',
    handler: accessRequestsRoute.POST,
    call: () => ({
      method: 'POST',
      path: '/api/access-requests',
      body: { siteId: 'site-acme', appId: 'app-docuflow' },
    }),
    noraOnGlobex: () => ({
      method: 'POST',
      path: '/api/access-requests',
      body: { siteId: 'site-globex', appId: 'app-docuflow' },
    }),
    signedOut: 401,
    nora: 201,
    ada: 201,
  },
  {
    label: 'GET /api/access-requests',
    handler: accessRequestsRoute.GET,
    call: () => ({ method: 'GET', path: '/api/access-requests?siteId=site-acme' }),
    noraOnGlobex: () => ({ method: 'GET', path: '/api/access-requests?siteId=site-globex' }),
    signedOut: 401,
    nora: 200,
    ada: 200,
  },
  {
    label: 'GET /api/access-requests/{id}',
    handler: accessRequestRoute.GET,
    call: (f) => ({
      method: 'GET',
      path: `/api/access-requests/${f.noraAcmeRequestId}`,
      params: { id: f.noraAcmeRequestId },
    }),
    noraOnGlobex: (f) => ({
      method: 'GET',
      path: `/api/access-requests/${f.globexRequestId}`,
      params: { id: f.globexRequestId },
    }),
    signedOut: 401,
    nora: 200,
    ada: 200,
  },
  {
    label: 'POST /api/access-requests/{id}/decision',
    handler: decisionRoute.POST,
    call: (f) => ({
      method: 'POST',
      path: `/api/access-requests/${f.noraAcmeRequestId}/decision`,
      params: { id: f.noraAcmeRequestId },
      body: { decision: 'deny', reason: 'Not this quarter' },
    }),
    noraOnGlobex: (f) => ({
      method: 'POST',
      path: `/api/access-requests/${f.globexRequestId}/decision`,
      params: { id: f.globexRequestId },
      body: { decision: 'approve' },
    }),
    signedOut: 401,
    nora: 403,
    ada: 200,
  },
  {
    label: 'DELETE /api/access-requests/{id} (Ada is an admin, not the requester)',
    handler: accessRequestRoute.DELETE,
    call: (f) => ({
      method: 'DELETE',
      path: `/api/access-requests/${f.samAcmeRequestId}`,
      params: { id: f.samAcmeRequestId },
    }),
    noraOnGlobex: (f) => ({
      method: 'DELETE',
      path: `/api/access-requests/${f.globexRequestId}`,
      params: { id: f.globexRequestId },
    }),
    signedOut: 401,
    // Nora may not even see Sam's request.
    nora: 404,
    ada: 403,
  },
];

describe.each(testBackends())('API access table on $name', (backend) => {
  const suite = openSuiteDatabase(backend);
  let fixtures: Fixtures;
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await suite.db.execute(
      'truncate access_requests, notification_outbox, audit_log, site_app_status, pre_approved_apps, site_memberships, organization_admins, users, sites, apps, organizations cascade',
    );
    await seedDemo(suite.db);
    const globex = await createAccessRequest(suite.db, viewerOf('gus'), {
      siteId: 'site-globex',
      appId: 'app-docuflow',
    });
    const nora = await createAccessRequest(suite.db, viewerOf('nora'), {
      siteId: 'site-acme',
      appId: 'app-roadmap',
    });
    const sam = await createAccessRequest(suite.db, viewerOf('sam'), {
      siteId: 'site-acme',
      appId: 'app-docuflow',
    });
    fixtures = {
      globexRequestId: globex.request.id,
      noraAcmeRequestId: nora.request.id,
      samAcmeRequestId: sam.request.id,
    };
  });

  describe.each(cases)('$label', (testCase) => {
    it('answers 401 when signed out', async () => {
      const response = await callRoute(testCase.handler, testCase.call(fixtures));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    });

    // GET /api/me names no site, so it has no "someone else's site" case.
    if (testCase.noraOnGlobex)
      it("answers 404 to Nora on Globex's site (existence not revealed)", async () => {
        const response = await callRoute(testCase.handler, {
          ...testCase.noraOnGlobex!(fixtures),
          as: 'nora',
        });
        expect(response.status).toBe(404);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
      });

    it(`answers ${testCase.nora} to Nora on acme`, async () => {
      const response = await callRoute(testCase.handler, { ...testCase.call(fixtures), as: 'nora' });
      expect(response.status).toBe(testCase.nora);
    });

    it(`answers ${testCase.ada} to Ada on her sites`, async () => {
      const response = await callRoute(testCase.handler, { ...testCase.call(fixtures), as: 'ada' });
      expect(response.status).toBe(testCase.ada);
    });
  });

  it('GET /api/me lists Nora on acme only and Ada as site admin of both Acme sites', async () => {
    const nora = (await (
      await callRoute(meRoute.GET, { method: 'GET', path: '/api/me', as: 'nora' })
    ).json()) as {
      user: { email: string };
      sites: { id: string; role: string }[];
    };
    expect(nora.user.email).toBe('nora@acme.test');
    expect(nora.sites.map((s) => [s.id, s.role])).toEqual([['site-acme', 'user']]);
    const ada = (await (
      await callRoute(meRoute.GET, { method: 'GET', path: '/api/me', as: 'ada' })
    ).json()) as {
      sites: { id: string; role: string }[];
    };
    expect(ada.sites.map((s) => [s.id, s.role])).toEqual([
      ['site-acme', 'site-admin'],
      ['site-acme-sandbox', 'site-admin'],
    ]);
  });

  it('GET /api/sites/{siteId}/admins names the org admin and site admins', async () => {
    const response = await callRoute(adminsRoute.GET, {
      method: 'GET',
      path: '/api/sites/site-acme-sandbox/admins',
      params: site('site-acme-sandbox'),
      as: 'sam',
    });
    expect(await response.json()).toEqual({
      admins: [
        { name: 'Ada Admin', email: 'ada@acme.test', role: 'org-admin', roleSource: 'directory' },
        { name: 'Sam Sandbox', email: 'sam@acme.test', role: 'site-admin', roleSource: 'directory' },
      ],
    });
  });

  it("GET /api/sites/{siteId}/apps shows each app's status and the caller's own request", async () => {
    const response = await callRoute(appsRoute.GET, {
      method: 'GET',
      path: '/api/sites/site-acme/apps',
      params: site('site-acme'),
      as: 'nora',
    });
    const body = (await response.json()) as {
      site: { id: string; role: string };
      apps: { id: string; status: string; request?: { id: string; status: string } }[];
    };
    expect(body.site).toMatchObject({ id: 'site-acme', role: 'user' });
    const byId = Object.fromEntries(body.apps.map((app) => [app.id, app]));
    expect(byId['app-timesheets']).toMatchObject({ status: 'authorized' });
    expect(byId['app-timesheets']!.request).toBeUndefined();
    expect(byId['app-roadmap']).toMatchObject({
      status: 'not-authorized',
      request: { id: fixtures.noraAcmeRequestId, status: 'open' },
    });
    // Sam's request for DocuFlow is his, not Nora's.
    expect(byId['app-docuflow']!.request).toBeUndefined();
  });

  it("a requester lists only their own requests; an admin lists their sites'", async () => {
    const list = async (as: DemoUserKey) =>
      (
        (await (
          await callRoute(accessRequestsRoute.GET, { method: 'GET', path: '/api/access-requests', as })
        ).json()) as {
          requests: { id: string }[];
        }
      ).requests.map((r) => r.id);
    expect(await list('nora')).toEqual([fixtures.noraAcmeRequestId]);
    expect((await list('ada')).sort()).toEqual(
      [fixtures.noraAcmeRequestId, fixtures.samAcmeRequestId].sort(),
    );
    expect(await list('gus')).toEqual([fixtures.globexRequestId]);
  });

  it('a token from another secret or a header claiming a user is no session', async () => {
    const forged = await callRoute(meRoute.GET, {
      method: 'GET',
      path: '/api/me',
      headers: {
        cookie: 'next-auth.session-token=not-a-token',
        'x-user-id': 'user-ada',
        authorization: 'Bearer x',
      },
    });
    expect(forged.status).toBe(401);
  });
});
