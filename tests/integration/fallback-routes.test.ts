import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import * as fallbackRoutesRoute from '@/app/api/fallback-routes/route';
import * as fallbackRouteRoute from '@/app/api/fallback-routes/[id]/route';
import type { Viewer } from '@/lib/auth/viewer';
import { resetConfigForTests } from '@/lib/config';
import { setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import {
  accessRequests,
  auditLog,
  notificationOutbox,
  organizationAdmins,
  siteMemberships,
  sites,
} from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { insightsRangeSchema, resolveInsightsRange } from '@/lib/insights/date-range';
import { unsafeLoadInsightsReport } from '@/lib/insights/load-insights-report';
import { deliverDueNotifications } from '@/lib/notifications/deliver-due-notifications';
import { createSmtpNotifier } from '@/lib/notifications/smtp-notifier';
import { listRequestInbox } from '@/lib/requests/list-request-inbox';
import { callRoute } from '@/tests/support/call-route';
import { demoUser, type DemoUserKey } from '@/tests/support/session';
import { startSmtpServer } from '@/tests/support/smtp-server';
import { testBackends } from '@/tests/support/test-database';

// Ports from this suite's range (8100-8999): one SMTP server per backend.
const SMTP_PORTS = { pglite: 8160, postgres: 8161 } as const;

const viewerOf = (key: DemoUserKey): Viewer => {
  const user = demoUser(key);
  return { userId: user.id, accountId: user.accountId, email: user.email, name: user.name, source: 'local' };
};

interface RequestBody {
  request: { id: string; routing: { reached: string; pattern: string | null; addresses: string[] } | null };
}

describe.each(testBackends())('requests for sites with no known admin on $name', (backend) => {
  let handle: DatabaseHandle;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    smtp = await startSmtpServer(SMTP_PORTS[backend.name]);
    process.env.SMTP_URL = smtp.url;
    process.env.GREENLIGHT_FALLBACK_ADMINS = '*.atlassian.net=helpdesk@example.com';
    resetConfigForTests();
    handle = await backend.open();
    setDatabaseForTests(handle);
  });
  afterAll(async () => {
    setDatabaseForTests(undefined);
    await handle.close();
    await smtp.close();
    for (const key of ['SMTP_URL', 'GREENLIGHT_FALLBACK_ADMINS']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    resetConfigForTests();
  });
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await handle.db.execute(
      'truncate access_requests, notification_outbox, audit_log, fallback_routes, site_memberships, organization_admins cascade',
    );
    await seedDemo(handle.db);
    smtp.received.length = 0;
    smtp.recipients.length = 0;
    // Two sites nobody administers in Greenlight: one of unknown organisation (as with Atlassian
    // sign-in before an org connects), one off atlassian.net that no route covers. Nora is a member.
    await handle.db
      .insert(sites)
      .values([
        {
          id: 'site-initech',
          cloudId: 'cloud-initech',
          name: 'Initech',
          url: 'https://initech.atlassian.net',
        },
        { id: 'site-wiki', cloudId: 'cloud-wiki', name: 'Wiki', url: 'https://wiki.example.org' },
      ])
      .onConflictDoNothing();
    await handle.db.insert(siteMemberships).values([
      { siteId: 'site-initech', userId: 'user-nora', role: 'user' },
      { siteId: 'site-wiki', userId: 'user-nora', role: 'user' },
    ]);
  });

  const ask = async (siteId: string, appId = 'app-docuflow') => {
    const response = await callRoute(accessRequestsRoute.POST, {
      method: 'POST',
      path: '/api/access-requests',
      body: { siteId, appId },
      as: 'nora',
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as RequestBody).request;
  };
  const deliver = () =>
    deliverDueNotifications(
      handle.db,
      createSmtpNotifier({ url: smtp.url, from: 'Greenlight <gl@example.test>' }),
      () => new Date(),
      {
        baseUrl: 'https://help.example.com',
      },
    );

  it('e-mails the deployment route with a link, tells the requester, and waits in the inbox of the first admin who signs in', async () => {
    const request = await ask('site-initech');
    expect(request.routing).toEqual({
      reached: 'fallback',
      pattern: '*.atlassian.net',
      addresses: ['helpdesk@example.com'],
    });

    const report = await deliver();
    expect(report.failed).toEqual([]);
    expect(smtp.recipients).toEqual([['helpdesk@example.com']]);
    // Quoted-printable: soft line breaks joined again.
    const mail = smtp.received[0]!.replace(/=\r?\n/g, '');
    expect(mail).toContain('Nora User asks for DocuFlow on Initech');
    expect(mail).toContain(`https://help.example.com/admin/requests/${request.id}`);
    // The route's e-mail is no one's bell.
    const [row] = await handle.db.select().from(notificationOutbox);
    expect(row).toMatchObject({
      recipientUserId: null,
      recipientEmail: 'helpdesk@example.com',
      kind: 'access_request.routed',
    });

    // Later, Gus turns out to administer Initech (he signs in; the directory records it).
    await handle.db
      .insert(siteMemberships)
      .values({ siteId: 'site-initech', userId: 'user-gus', role: 'site-admin' });
    const inbox = await listRequestInbox(handle.db, viewerOf('gus'), {});
    expect(inbox.requests.map((r) => r.id)).toContain(request.id);
  });

  it('reaches nobody when no route matches, says so, and counts it', async () => {
    const request = await ask('site-wiki');
    expect(request.routing).toEqual({ reached: 'nobody', pattern: null, addresses: [] });
    expect((await deliver()).sent).toEqual([]);
    expect(smtp.received).toEqual([]);

    // Counted on the insights page of the site's organisation once the site's organisation is known.
    await handle.db.update(sites).set({ organizationId: 'org-acme' }).where(eq(sites.id, 'site-wiki'));
    await handle.db.update(sites).set({ organizationId: 'org-acme' }).where(eq(sites.id, 'site-initech'));
    await ask('site-initech');
    await ask('site-acme');
    const now = new Date();
    const range = resolveInsightsRange(insightsRangeSchema.parse({ range: '7d' }), now);
    const insights = await unsafeLoadInsightsReport(handle.db, ['org-acme'], range, now);
    expect(insights.requests.reach).toEqual({ asked: 3, nobody: 1, fallbackOnly: 0 });
  });

  it("lets an org admin route their organisation's sites, audited, and no one else", async () => {
    // Ada, org admin of Acme, sets a route for the sandbox.
    const save = await callRoute(fallbackRoutesRoute.POST, {
      method: 'POST',
      path: '/api/fallback-routes',
      body: {
        organizationId: 'org-acme',
        pattern: ' ACME-Sandbox.atlassian.net ',
        addresses: ['IT@acme.test', 'it@acme.test'],
      },
      as: 'ada',
    });
    expect(save.status).toBe(201);
    const saved = (await save.json()) as { route: { id: string; pattern: string; addresses: string[] } };
    expect(saved.route).toMatchObject({ pattern: 'acme-sandbox.atlassian.net', addresses: ['it@acme.test'] });

    // Sam (a site admin, not an org admin) and Gus (another organisation) cannot list, add or remove.
    for (const as of ['sam', 'gus'] as const) {
      const list = await callRoute(fallbackRoutesRoute.GET, {
        method: 'GET',
        path: '/api/fallback-routes',
        as,
      });
      expect(list.status).toBe(404);
      const add = await callRoute(fallbackRoutesRoute.POST, {
        method: 'POST',
        path: '/api/fallback-routes',
        body: { organizationId: 'org-acme', pattern: '*.atlassian.net', addresses: ['mallory@evil.test'] },
        as,
      });
      expect(add.status).toBe(404);
      expect(await add.json()).toEqual({ error: { code: 'not_found', message: 'Organization not found.' } });
      const remove = await callRoute(fallbackRouteRoute.DELETE, {
        method: 'DELETE',
        path: `/api/fallback-routes/${saved.route.id}`,
        params: { id: saved.route.id },
        as,
      });
      expect(remove.status).toBe(404);
    }

    // Bad input is a 400 naming the problem, never a 500; a header cannot ride in an address.
    for (const body of [
      { organizationId: 'org-acme', pattern: '*.net', addresses: ['it@acme.test'] },
      {
        organizationId: 'org-acme',
        pattern: 'acme.atlassian.net',
        addresses: ['it@acme.test\r\nBcc: x@evil.test'],
      },
      { organizationId: 'org-acme', pattern: 'acme.atlassian.net', addresses: [] },
    ]) {
      const bad = await callRoute(fallbackRoutesRoute.POST, {
        method: 'POST',
        path: '/api/fallback-routes',
        body,
        as: 'ada',
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }

    // Sam loses his site-admin standing on the sandbox and Ada hers on the org (rights removed
    // upstream): nobody administers the sandbox now, and the org's route receives its requests.
    await handle.db.delete(siteMemberships).where(eq(siteMemberships.userId, 'user-sam'));
    await handle.db.delete(organizationAdmins);
    await handle.db
      .insert(siteMemberships)
      .values({ siteId: 'site-acme-sandbox', userId: 'user-nora', role: 'user' });
    const request = await ask('site-acme-sandbox', 'app-docuflow');
    expect(request.routing).toEqual({
      reached: 'fallback',
      pattern: 'acme-sandbox.atlassian.net',
      addresses: ['it@acme.test'],
    });
    await deliver();
    expect(smtp.recipients).toEqual([['it@acme.test']]);

    // Ada, org admin again, removes it; both changes are in the audit log.
    await handle.db.insert(organizationAdmins).values({ organizationId: 'org-acme', userId: 'user-ada' });
    const removed = await callRoute(fallbackRouteRoute.DELETE, {
      method: 'DELETE',
      path: `/api/fallback-routes/${saved.route.id}`,
      params: { id: saved.route.id },
      as: 'ada',
    });
    expect(removed.status).toBe(200);
    const audit = await handle.db.select().from(auditLog).orderBy(auditLog.at);
    expect(audit.map((entry) => [entry.action, entry.actorUserId, entry.target])).toEqual([
      ['fallback_route.added', 'user-ada', 'org-acme:acme-sandbox.atlassian.net'],
      ['fallback_route.removed', 'user-ada', 'org-acme:acme-sandbox.atlassian.net'],
    ]);
    const after = await handle.db.select().from(accessRequests).where(eq(accessRequests.id, request.id));
    expect(after[0]?.status).toBe('open');
  });
});
