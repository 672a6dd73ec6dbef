import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import * as accessRequestRoute from '@/app/api/access-requests/[id]/route';
import * as decisionRoute from '@/app/api/access-requests/[id]/decision/route';
import * as appsRoute from '@/app/api/sites/[siteId]/apps/route';
import * as authorizationRoute from '@/app/api/sites/[siteId]/apps/[appId]/authorization/route';
import { accessRequests, auditLog, notificationOutbox, siteAppStatus } from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { callRoute } from '@/tests/support/call-route';
import type { DemoUserKey } from '@/tests/support/session';
import { testBackends, openSuiteDatabase } from '@/tests/support/test-database';

interface RequestBody {
  request: {
    id: string;
    status: string;
    reason: string | null;
    message: string | null;
    decidedBy: { name: string } | null;
  };
}

const ask = (as: DemoUserKey, siteId: string, appId: string, message?: string) =>
  callRoute(accessRequestsRoute.POST, {
    method: 'POST',
    path: '/api/access-requests',
    body: { siteId, appId, ...(message === undefined ? {} : { message }) },
    as,
  });
const decide = (as: DemoUserKey, id: string, body: unknown) =>
  callRoute(decisionRoute.POST, {
    method: 'POST',
    path: `/api/access-requests/${id}/decision`,
    params: { id },
    body,
    as,
  });
const read = async (response: Response) => (await response.json()) as RequestBody;

describe.each(testBackends())('access-request lifecycle on $name', (backend) => {
  const suite = openSuiteDatabase(backend);
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await suite.db.execute(
      'truncate access_requests, notification_outbox, audit_log, site_app_status, pre_approved_apps cascade',
    );
    await seedDemo(suite.db);
  });

  const outboxFor = (kind: string) =>
    suite.db.select().from(notificationOutbox).where(eq(notificationOutbox.kind, kind));
  const statusOf = async (siteId: string, appId: string) =>
    (
      await suite.db
        .select({ status: siteAppStatus.status })
        .from(siteAppStatus)
        .where(and(eq(siteAppStatus.siteId, siteId), eq(siteAppStatus.appId, appId)))
    )[0]?.status ?? 'not-authorized';

  it('creates a request (201), notifies the site admins, and a repeat returns the same open request (200)', async () => {
    const first = await ask('nora', 'site-acme', 'app-docuflow', 'We need it for the Q3 audit <b>please</b>');
    expect(first.status).toBe(201);
    const created = await read(first);
    expect(created.request).toMatchObject({
      status: 'open',
      message: 'We need it for the Q3 audit <b>please</b>',
    });

    const notified = await outboxFor('access_request.created');
    expect(notified.map((row) => row.recipientUserId)).toEqual(['user-ada']);
    expect(notified[0]!.payload).toMatchObject({
      requestId: created.request.id,
      siteId: 'site-acme',
      appId: 'app-docuflow',
    });

    const again = await ask('nora', 'site-acme', 'app-docuflow', 'different text');
    expect(again.status).toBe(200);
    expect((await read(again)).request.id).toBe(created.request.id);
    expect(await outboxFor('access_request.created')).toHaveLength(1);
  });

  it('concurrent duplicate creates end with exactly one open request', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => ask('nora', 'site-acme', 'app-docuflow')),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(7);
    const ids = new Set(
      await Promise.all(responses.map(async (response) => (await read(response)).request.id)),
    );
    expect(ids.size).toBe(1);
    const open = await suite.db.select().from(accessRequests).where(eq(accessRequests.status, 'open'));
    expect(open).toHaveLength(1);
  });

  it('approves a pre-approved app at once and authorizes it on the site', async () => {
    expect(await statusOf('site-acme-sandbox', 'app-roadmap')).toBe('not-authorized');
    const response = await ask('sam', 'site-acme-sandbox', 'app-roadmap');
    expect(response.status).toBe(201);
    expect((await read(response)).request).toMatchObject({
      status: 'approved',
      reason: 'pre-approved',
      decidedBy: null,
    });
    expect(await statusOf('site-acme-sandbox', 'app-roadmap')).toBe('authorized');
    const audit = await suite.db.select().from(auditLog);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'app.authorized',
        siteId: 'site-acme-sandbox',
        target: 'app-roadmap',
        actorUserId: null,
      }),
    ]);
    expect(
      (await outboxFor('access_request.auto_approved')).map((row) => row.recipientUserId).sort(),
    ).toEqual(['user-ada', 'user-sam']);
  });

  it('refuses a request for an app already authorized on the site (409)', async () => {
    const response = await ask('nora', 'site-acme', 'app-timesheets');
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'app_already_authorized', message: expect.any(String) },
    });
  });

  it('deny with a reason: the requester sees the outcome; a second decision is 409', async () => {
    const { request } = await read(await ask('nora', 'site-acme', 'app-docuflow'));
    const denied = await decide('ada', request.id, {
      decision: 'deny',
      reason: 'Use the approved PDF exporter instead.',
    });
    expect(denied.status).toBe(200);
    expect((await read(denied)).request).toMatchObject({
      status: 'denied',
      reason: 'Use the approved PDF exporter instead.',
      decidedBy: { name: 'Ada Admin' },
    });

    const seenByNora = await callRoute(accessRequestRoute.GET, {
      method: 'GET',
      path: `/api/access-requests/${request.id}`,
      params: { id: request.id },
      as: 'nora',
    });
    expect((await read(seenByNora)).request).toMatchObject({
      status: 'denied',
      reason: 'Use the approved PDF exporter instead.',
    });
    const apps = (await (
      await callRoute(appsRoute.GET, {
        method: 'GET',
        path: '/api/sites/site-acme/apps',
        params: { siteId: 'site-acme' },
        as: 'nora',
      })
    ).json()) as { apps: { id: string; request?: { status: string; reason: string | null } }[] };
    expect(apps.apps.find((app) => app.id === 'app-docuflow')?.request).toMatchObject({
      status: 'denied',
      reason: 'Use the approved PDF exporter instead.',
    });
    expect((await outboxFor('access_request.denied')).map((row) => row.recipientUserId)).toEqual([
      'user-nora',
    ]);

    const again = await decide('ada', request.id, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('request_not_open');
    expect(await statusOf('site-acme', 'app-docuflow')).toBe('not-authorized');

    // After a denial Nora may ask again: a new open request.
    const retry = await ask('nora', 'site-acme', 'app-docuflow', 'We dropped the PDF exporter.');
    expect(retry.status).toBe(201);
    expect((await read(retry)).request.id).not.toBe(request.id);
  });

  it('approve authorizes the app, approves other open requests for it, and audits', async () => {
    const nora = (await read(await ask('nora', 'site-acme', 'app-docuflow'))).request;
    const sam = (await read(await ask('sam', 'site-acme', 'app-docuflow'))).request;
    const approved = await decide('ada', nora.id, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(await statusOf('site-acme', 'app-docuflow')).toBe('authorized');
    const samNow = await callRoute(accessRequestRoute.GET, {
      method: 'GET',
      path: `/api/access-requests/${sam.id}`,
      params: { id: sam.id },
      as: 'sam',
    });
    expect((await read(samNow)).request.status).toBe('approved');
    expect((await suite.db.select().from(auditLog)).map((row) => row.action).sort()).toEqual([
      'access_request.approved',
      'app.authorized',
    ]);
    expect((await outboxFor('access_request.approved')).map((row) => row.recipientUserId).sort()).toEqual([
      'user-nora',
      'user-sam',
    ]);
  });

  it('PUT authorization approves open requests and is idempotent; DELETE revokes once', async () => {
    const nora = (await read(await ask('nora', 'site-acme', 'app-roadmap'))).request;
    const put = () =>
      callRoute(authorizationRoute.PUT, {
        method: 'PUT',
        path: '/api/sites/site-acme/apps/app-roadmap/authorization',
        params: { siteId: 'site-acme', appId: 'app-roadmap' },
        as: 'ada',
      });
    const first = (await (await put()).json()) as {
      authorization: { changed: boolean; approvedRequestIds: string[] };
    };
    expect(first.authorization).toMatchObject({
      status: 'authorized',
      changed: true,
      approvedRequestIds: [nora.id],
    });
    const second = (await (await put()).json()) as { authorization: { changed: boolean } };
    expect(second.authorization.changed).toBe(false);

    const revoke = () =>
      callRoute(authorizationRoute.DELETE, {
        method: 'DELETE',
        path: '/api/sites/site-acme/apps/app-roadmap/authorization',
        params: { siteId: 'site-acme', appId: 'app-roadmap' },
        as: 'ada',
      });
    expect(
      ((await (await revoke()).json()) as { authorization: { changed: boolean } }).authorization.changed,
    ).toBe(true);
    expect(
      ((await (await revoke()).json()) as { authorization: { changed: boolean } }).authorization.changed,
    ).toBe(false);
    expect((await suite.db.select().from(auditLog)).map((row) => row.action).sort()).toEqual([
      'app.authorized',
      'app.deauthorized',
    ]);
  });

  it('the requester withdraws their open request; withdrawing again is 409; others cannot', async () => {
    const { request } = await read(await ask('nora', 'site-acme', 'app-docuflow'));
    const byAda = await callRoute(accessRequestRoute.DELETE, {
      method: 'DELETE',
      path: `/api/access-requests/${request.id}`,
      params: { id: request.id },
      as: 'ada',
    });
    expect(byAda.status).toBe(403);
    const byGus = await callRoute(accessRequestRoute.DELETE, {
      method: 'DELETE',
      path: `/api/access-requests/${request.id}`,
      params: { id: request.id },
      as: 'gus',
    });
    expect(byGus.status).toBe(404);
    const withdraw = () =>
      callRoute(accessRequestRoute.DELETE, {
        method: 'DELETE',
        path: `/api/access-requests/${request.id}`,
        params: { id: request.id },
        as: 'nora',
      });
    const first = await withdraw();
    expect(first.status).toBe(200);
    expect((await read(first)).request.status).toBe('withdrawn');
    expect((await withdraw()).status).toBe(409);
    expect((await decide('ada', request.id, { decision: 'approve' })).status).toBe(409);
  });

  it.each([
    [
      'a message over 1,000 characters',
      { siteId: 'site-acme', appId: 'app-docuflow', message: 'x'.repeat(1001) },
    ],
    ['a missing app', { siteId: 'site-acme' }],
    ['an unknown field', { siteId: 'site-acme', appId: 'app-docuflow', urgent: true }],
  ])('rejects %s with 400', async (_label, body) => {
    const response = await callRoute(accessRequestsRoute.POST, {
      method: 'POST',
      path: '/api/access-requests',
      body,
      as: 'nora',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'invalid_input', message: expect.any(String) } });
  });

  it('accepts a message of exactly 1,000 characters and stores it as text', async () => {
    const response = await ask('nora', 'site-acme', 'app-docuflow', 'é'.repeat(1000));
    expect(response.status).toBe(201);
    expect((await read(response)).request.message).toHaveLength(1000);
  });

  it('an unknown app on a visible site is 404; a malformed request id is 404', async () => {
    expect((await ask('nora', 'site-acme', 'app-nope')).status).toBe(404);
    expect((await decide('ada', 'not-a-uuid', { decision: 'approve' })).status).toBe(404);
  });

  it('filters the list by site and status', async () => {
    await ask('nora', 'site-acme', 'app-docuflow');
    await ask('sam', 'site-acme-sandbox', 'app-roadmap');
    const list = async (query: string) =>
      (
        (await (
          await callRoute(accessRequestsRoute.GET, {
            method: 'GET',
            path: `/api/access-requests${query}`,
            as: 'ada',
          })
        ).json()) as {
          requests: { status: string; site: { id: string } }[];
        }
      ).requests;
    expect((await list('?status=open')).map((r) => r.site.id)).toEqual(['site-acme']);
    expect((await list('?siteId=site-acme-sandbox')).map((r) => r.status)).toEqual(['approved']);
    expect(
      (
        await callRoute(accessRequestsRoute.GET, {
          method: 'GET',
          path: '/api/access-requests?status=maybe',
          as: 'ada',
        })
      ).status,
    ).toBe(400);
  });
});
