import { and, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import * as accessRequestRoute from '@/app/api/access-requests/[id]/route';
import * as decisionsRoute from '@/app/api/access-requests/decisions/route';
import * as historyRoute from '@/app/api/access-requests/[id]/history/route';
import * as auditRoute from '@/app/api/audit-log/route';
import * as preApprovedListRoute from '@/app/api/sites/[siteId]/pre-approved-apps/route';
import * as preApprovedRoute from '@/app/api/sites/[siteId]/pre-approved-apps/[appId]/route';
import * as authorizationRoute from '@/app/api/sites/[siteId]/apps/[appId]/authorization/route';
import {
  accessRequests,
  auditLog,
  notificationOutbox,
  preApprovedApps,
  siteAppStatus,
} from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { AppError } from '@/lib/errors';
import { listRequestInbox } from '@/lib/requests/list-request-inbox';
import { callRoute } from '@/tests/support/call-route';
import { demoUser, type DemoUserKey } from '@/tests/support/session';
import { testBackends, openSuiteDatabase } from '@/tests/support/test-database';

// The /admin pages read the viewer from the session cookie; here the test decides who is signed in.
const signedIn = vi.hoisted(() => ({
  viewer: null as null | { userId: string; accountId: string; email: string; name: string; source: 'local' },
}));
vi.mock('@/lib/auth/current-viewer', () => ({ getCurrentViewer: async () => signedIn.viewer }));

const viewerOf = (key: DemoUserKey) => {
  const user = demoUser(key);
  return {
    userId: user.id,
    accountId: user.accountId,
    email: user.email,
    name: user.name,
    source: 'local' as const,
  };
};

const ask = async (as: DemoUserKey, siteId: string, appId: string, message?: string) => {
  const response = await callRoute(accessRequestsRoute.POST, {
    method: 'POST',
    path: '/api/access-requests',
    body: { siteId, appId, ...(message ? { message } : {}) },
    as,
  });
  return ((await response.json()) as { request: { id: string; status: string } }).request;
};
const decideMany = (as: DemoUserKey, body: unknown) =>
  callRoute(decisionsRoute.POST, { method: 'POST', path: '/api/access-requests/decisions', body, as });
const askRaw = (as: DemoUserKey, siteId: string, appId: string) =>
  callRoute(accessRequestsRoute.POST, {
    method: 'POST',
    path: '/api/access-requests',
    body: { siteId, appId },
    as,
  });
const preApprove = (as: DemoUserKey, siteId: string, appId: string) =>
  callRoute(preApprovedRoute.PUT, {
    method: 'PUT',
    path: `/api/sites/${siteId}/pre-approved-apps/${appId}`,
    params: { siteId, appId },
    body: {},
    as,
  });

const authorize = (as: DemoUserKey, siteId: string, appId: string) =>
  callRoute(authorizationRoute.PUT, {
    method: 'PUT',
    path: `/api/sites/${siteId}/apps/${appId}/authorization`,
    params: { siteId, appId },
    body: {},
    as,
  });

interface PreApprovalBody {
  preApproval: {
    siteId: string;
    appId: string;
    preApproved: boolean;
    changed: boolean;
    approvedRequests: number;
  };
}
interface CreatedBody {
  request: { id: string; status: string; reason: string | null; decidedBy: { name: string } | null };
}

/** What Next.js throws for notFound() and redirect(): a digest the framework turns into a response. */
async function pageOutcome(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return 'rendered';
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return '404';
    if (digest.startsWith('NEXT_REDIRECT')) return `redirect ${digest.split(';')[2]}`;
    throw error;
  }
}

describe.each(testBackends())('admin console on $name', (backend) => {
  const suite = openSuiteDatabase(backend);
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await suite.db.execute(
      'truncate access_requests, notification_outbox, audit_log, site_app_status, pre_approved_apps cascade',
    );
    await seedDemo(suite.db);
  });

  const statusOf = async (id: string) =>
    (
      await suite.db
        .select({ status: accessRequests.status })
        .from(accessRequests)
        .where(eq(accessRequests.id, id))
    )[0]?.status;

  describe('who may use it', () => {
    it('Nora and Gus get the not-found page for Acme; Sam and Ada get in; signed-out people are sent to sign in', async () => {
      const { default: InboxPage } = await import('@/app/[locale]/admin/page');
      const { default: AuditPage } = await import('@/app/[locale]/admin/audit/page');
      const { default: PreApprovedPage } = await import('@/app/[locale]/admin/pre-approved/page');
      const { default: HistoryPage } = await import('@/app/[locale]/admin/requests/[id]/page');
      const acmeRequest = await ask('nora', 'site-acme', 'app-docuflow');
      const searchParams = (params: Record<string, string>) => Promise.resolve(params);
      const params = Promise.resolve({ locale: 'en' });

      const outcomes: Record<string, string[]> = {};
      for (const key of ['nora', 'gus', 'sam', 'ada'] as const) {
        signedIn.viewer = viewerOf(key);
        outcomes[key] = [
          await pageOutcome(() => InboxPage({ params, searchParams: searchParams({}) })),
          await pageOutcome(() => InboxPage({ params, searchParams: searchParams({ site: 'site-acme' }) })),
          await pageOutcome(() => AuditPage({ params, searchParams: searchParams({ site: 'site-acme' }) })),
          await pageOutcome(() => PreApprovedPage({ params })),
          await pageOutcome(() =>
            HistoryPage({ params: Promise.resolve({ locale: 'en', id: acmeRequest.id }) }),
          ),
        ];
      }
      signedIn.viewer = null;
      const signedOut = await pageOutcome(() => InboxPage({ params, searchParams: searchParams({}) }));

      expect(outcomes).toEqual({
        nora: ['404', '404', '404', '404', '404'],
        // Gus administers Globex: his own console works, Acme's pages and requests are not there for him.
        gus: ['rendered', '404', '404', 'rendered', '404'],
        // Sam administers acme-sandbox only; on acme he is a plain member.
        sam: ['rendered', '404', '404', 'rendered', '404'],
        ada: ['rendered', 'rendered', 'rendered', 'rendered', 'rendered'],
      });
      expect(signedOut).toBe('redirect /signin?callbackUrl=%2Fadmin');
    });

    it('the inbox holds only the sites each admin administers', async () => {
      await ask('nora', 'site-acme', 'app-docuflow');
      await ask('sam', 'site-acme-sandbox', 'app-docuflow');
      const globex = await suite.db
        .insert(accessRequests)
        .values({ requesterId: 'user-gus', siteId: 'site-globex', appId: 'app-docuflow' })
        .returning({ id: accessRequests.id });
      expect(globex).toHaveLength(1);

      const sitesIn = async (key: DemoUserKey) =>
        [
          ...new Set(
            (await listRequestInbox(suite.db, viewerOf(key), {})).requests.map((request) => request.site.id),
          ),
        ].sort();
      expect(await sitesIn('ada')).toEqual(['site-acme', 'site-acme-sandbox']);
      expect(await sitesIn('sam')).toEqual(['site-acme-sandbox']);
      expect(await sitesIn('gus')).toEqual(['site-globex']);
      await expect(listRequestInbox(suite.db, viewerOf('nora'), {})).rejects.toMatchObject({ status: 404 });
      await expect(
        listRequestInbox(suite.db, viewerOf('sam'), { siteId: 'site-acme' }),
      ).rejects.toBeInstanceOf(AppError);

      const filtered = await listRequestInbox(suite.db, viewerOf('ada'), {
        siteId: 'site-acme-sandbox',
        appId: 'app-docuflow',
      });
      expect(filtered.requests.map((request) => request.requester.name)).toEqual(['Sam Sandbox']);
      expect(filtered.requests[0]!.scopes).toContain('read:confluence-content.all');
    });

    it('admin data answers 404 to those who may not see it and 403 to members who may not act', async () => {
      const acmeRequest = await ask('nora', 'site-acme', 'app-docuflow');
      const cases: {
        as: DemoUserKey;
        handler: unknown;
        method: string;
        path: string;
        params?: Record<string, string>;
        body?: unknown;
        status: number;
      }[] = [
        { as: 'nora', handler: auditRoute.GET, method: 'GET', path: '/api/audit-log', status: 404 },
        {
          as: 'gus',
          handler: auditRoute.GET,
          method: 'GET',
          path: '/api/audit-log?siteId=site-acme',
          status: 404,
        },
        {
          as: 'sam',
          handler: auditRoute.GET,
          method: 'GET',
          path: '/api/audit-log?siteId=site-acme',
          status: 404,
        },
        {
          as: 'ada',
          handler: auditRoute.GET,
          method: 'GET',
          path: '/api/audit-log?siteId=site-acme',
          status: 200,
        },
        {
          as: 'gus',
          handler: historyRoute.GET,
          method: 'GET',
          path: `/api/access-requests/${acmeRequest.id}/history`,
          params: { id: acmeRequest.id },
          status: 404,
        },
        {
          as: 'ada',
          handler: historyRoute.GET,
          method: 'GET',
          path: `/api/access-requests/${acmeRequest.id}/history`,
          params: { id: acmeRequest.id },
          status: 200,
        },
        {
          as: 'gus',
          handler: preApprovedListRoute.GET,
          method: 'GET',
          path: '/api/sites/site-acme/pre-approved-apps',
          params: { siteId: 'site-acme' },
          status: 404,
        },
        {
          as: 'nora',
          handler: preApprovedListRoute.GET,
          method: 'GET',
          path: '/api/sites/site-acme/pre-approved-apps',
          params: { siteId: 'site-acme' },
          status: 403,
        },
        {
          as: 'nora',
          handler: preApprovedRoute.PUT,
          method: 'PUT',
          path: '/api/sites/site-acme/pre-approved-apps/app-docuflow',
          params: { siteId: 'site-acme', appId: 'app-docuflow' },
          status: 403,
        },
        {
          as: 'gus',
          handler: preApprovedRoute.DELETE,
          method: 'DELETE',
          path: '/api/sites/site-acme-sandbox/pre-approved-apps/app-roadmap',
          params: { siteId: 'site-acme-sandbox', appId: 'app-roadmap' },
          status: 404,
        },
        {
          as: 'gus',
          handler: decisionsRoute.POST,
          method: 'POST',
          path: '/api/access-requests/decisions',
          body: { ids: [acmeRequest.id], decision: 'approve' },
          status: 404,
        },
        {
          as: 'sam',
          handler: decisionsRoute.POST,
          method: 'POST',
          path: '/api/access-requests/decisions',
          body: { ids: [acmeRequest.id], decision: 'approve' },
          status: 404,
        },
      ];
      const results = [];
      for (const { as, handler, status: _expected, ...call } of cases) {
        results.push({
          as,
          path: call.path,
          method: call.method,
          status: (await callRoute(handler, { ...call, as })).status,
        });
      }
      expect(results).toEqual(cases.map(({ as, path, method, status }) => ({ as, path, method, status })));
      expect(await statusOf(acmeRequest.id)).toBe('open');
    });
  });

  describe('bulk decisions', () => {
    it('approves several at once: each decided, apps authorized, requesters told, all audited', async () => {
      const docuflow = await ask('nora', 'site-acme', 'app-docuflow');
      const roadmap = await ask('nora', 'site-acme', 'app-roadmap');
      const samDocuflow = await ask('sam', 'site-acme', 'app-docuflow');
      const response = await decideMany('ada', {
        ids: [docuflow.id, roadmap.id, samDocuflow.id],
        decision: 'approve',
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        requests: { id: string; status: string; decidedBy: { name: string } }[];
      };
      expect(body.requests.map((request) => [request.id, request.status, request.decidedBy.name])).toEqual([
        [docuflow.id, 'approved', 'Ada Admin'],
        [roadmap.id, 'approved', 'Ada Admin'],
        [samDocuflow.id, 'approved', 'Ada Admin'],
      ]);
      const authorized = await suite.db
        .select({ appId: siteAppStatus.appId })
        .from(siteAppStatus)
        .where(and(eq(siteAppStatus.siteId, 'site-acme'), eq(siteAppStatus.status, 'authorized')));
      expect(authorized.map((row) => row.appId).sort()).toEqual([
        'app-docuflow',
        'app-roadmap',
        'app-timesheets',
      ]);
      const audited = await suite.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'access_request.approved'));
      expect(audited).toHaveLength(3);
    });

    it('is all or nothing: one unknown id, one closed request or one foreign site decides nothing', async () => {
      const docuflow = await ask('nora', 'site-acme', 'app-docuflow');
      const roadmap = await ask('nora', 'site-acme', 'app-roadmap');
      const sandbox = await ask('sam', 'site-acme-sandbox', 'app-docuflow');
      const unknown = '00000000-0000-4000-8000-000000000000';

      expect((await decideMany('ada', { ids: [docuflow.id, unknown], decision: 'approve' })).status).toBe(
        404,
      );
      // Sam administers the sandbox but cannot see Nora's acme request: 404 for the lot, nothing decided.
      expect((await decideMany('sam', { ids: [sandbox.id, docuflow.id], decision: 'approve' })).status).toBe(
        404,
      );
      expect((await decideMany('ada', { ids: [docuflow.id, roadmap.id], decision: 'deny' })).status).toBe(
        400,
      );

      expect(
        (
          await decideMany('ada', {
            ids: [roadmap.id],
            decision: 'deny',
            reason: 'Use the Jira plans feature.',
          })
        ).status,
      ).toBe(200);
      const conflict = await decideMany('ada', { ids: [docuflow.id, roadmap.id], decision: 'approve' });
      expect(conflict.status).toBe(409);
      expect(((await conflict.json()) as { error: { code: string } }).error.code).toBe('request_not_open');

      expect(await statusOf(docuflow.id)).toBe('open');
      expect(await statusOf(sandbox.id)).toBe('open');
      expect(await statusOf(roadmap.id)).toBe('denied');
      const statuses = await suite.db
        .select()
        .from(siteAppStatus)
        .where(eq(siteAppStatus.appId, 'app-docuflow'));
      expect(statuses).toEqual([]);
      expect(
        await suite.db.select().from(auditLog).where(eq(auditLog.action, 'access_request.approved')),
      ).toEqual([]);
    });

    it('a member who sees a request (their own) but does not administer its site gets 403, nothing decided', async () => {
      const own = await ask('sam', 'site-acme', 'app-docuflow');
      const response = await decideMany('sam', { ids: [own.id], decision: 'approve' });
      expect(response.status).toBe(403);
      expect(await statusOf(own.id)).toBe('open');
    });
  });

  describe('pre-approving an app with open requests', () => {
    const outbox = (kind: string) =>
      suite.db.select().from(notificationOutbox).where(eq(notificationOutbox.kind, kind));
    const requestRow = async (id: string) =>
      (await suite.db.select().from(accessRequests).where(eq(accessRequests.id, id)))[0]!;
    const history = async (id: string) =>
      (
        (await (
          await callRoute(historyRoute.GET, {
            method: 'GET',
            path: `/api/access-requests/${id}/history`,
            params: { id },
            as: 'ada',
          })
        ).json()) as { events: { kind: string; by: { name: string } | null; summary: string }[] }
      ).events;

    it("approves each open request for the app on that site as Ada's decision: audited, requesters told, app authorized, counted", async () => {
      // Already decided: Nora's first ask, denied; Ada's own, withdrawn. Left alone by the pre-approval.
      const denied = await ask('nora', 'site-acme', 'app-docuflow');
      expect(
        (await decideMany('ada', { ids: [denied.id], decision: 'deny', reason: 'Use the PDF exporter.' }))
          .status,
      ).toBe(200);
      const withdrawn = await ask('ada', 'site-acme', 'app-docuflow');
      const withdrawal = await callRoute(accessRequestRoute.DELETE, {
        method: 'DELETE',
        path: `/api/access-requests/${withdrawn.id}`,
        params: { id: withdrawn.id },
        as: 'ada',
      });
      expect(withdrawal.status).toBe(200);
      // Open, for this app on this site: approved by the pre-approval.
      const sam = await ask('sam', 'site-acme', 'app-docuflow');
      const nora = await ask('nora', 'site-acme', 'app-docuflow');
      // Open, but another app on the site, or the app on another site: left alone.
      const otherApp = await ask('nora', 'site-acme', 'app-roadmap');
      const otherSite = await ask('sam', 'site-acme-sandbox', 'app-docuflow');
      const outboxBefore = (await suite.db.select().from(notificationOutbox)).length;

      const response = await preApprove('ada', 'site-acme', 'app-docuflow');
      expect(response.status).toBe(200);
      expect(((await response.json()) as PreApprovalBody).preApproval).toEqual({
        siteId: 'site-acme',
        appId: 'app-docuflow',
        preApproved: true,
        changed: true,
        approvedRequests: 2,
      });

      for (const id of [sam.id, nora.id]) {
        expect(await requestRow(id)).toMatchObject({
          status: 'approved',
          decidedBy: 'user-ada',
          decisionReason: 'pre-approved',
          decidedAt: expect.any(Date),
        });
      }
      expect(await requestRow(denied.id)).toMatchObject({
        status: 'denied',
        decisionReason: 'Use the PDF exporter.',
      });
      expect(await requestRow(withdrawn.id)).toMatchObject({ status: 'withdrawn', decidedBy: null });
      expect(await requestRow(otherApp.id)).toMatchObject({ status: 'open', decidedBy: null });
      expect(await requestRow(otherSite.id)).toMatchObject({ status: 'open', decidedBy: null });

      // Approving authorizes the app, on this site only.
      const authorized = await suite.db
        .select({
          siteId: siteAppStatus.siteId,
          status: siteAppStatus.status,
          changedBy: siteAppStatus.changedBy,
        })
        .from(siteAppStatus)
        .where(eq(siteAppStatus.appId, 'app-docuflow'));
      expect(authorized).toEqual([{ siteId: 'site-acme', status: 'authorized', changedBy: 'user-ada' }]);

      // The audit log: the pre-approval, each approval by Ada saying why, and the authorization.
      const audit = await suite.db.select().from(auditLog).where(eq(auditLog.siteId, 'site-acme'));
      const byAction = (action: string) => audit.filter((entry) => entry.action === action);
      expect(byAction('app.pre_approved')).toEqual([
        expect.objectContaining({ actorUserId: 'user-ada', target: 'app-docuflow' }),
      ]);
      expect(
        byAction('access_request.approved')
          .map((entry) => [entry.target, entry.actorUserId, entry.details])
          .sort(),
      ).toEqual(
        [
          [
            sam.id,
            'user-ada',
            { appId: 'app-docuflow', requesterId: 'user-sam', via: 'pre-approval', reason: 'pre-approved' },
          ],
          [
            nora.id,
            'user-ada',
            { appId: 'app-docuflow', requesterId: 'user-nora', via: 'pre-approval', reason: 'pre-approved' },
          ],
        ].sort(),
      );
      expect(byAction('app.authorized')).toEqual([
        expect.objectContaining({
          actorUserId: 'user-ada',
          target: 'app-docuflow',
          details: { via: 'pre-approval', requestId: sam.id },
        }),
      ]);
      expect(byAction('access_request.denied')).toHaveLength(1);
      expect(audit).toHaveLength(5);

      // Each requester is told, as for any approval; the admins, who acted, are not.
      const approvedNotices = await outbox('access_request.approved');
      expect(approvedNotices.map((row) => [row.recipientUserId, row.payload]).sort()).toEqual(
        [
          [
            'user-nora',
            { requestId: nora.id, siteId: 'site-acme', appId: 'app-docuflow', reason: 'pre-approved' },
          ],
          [
            'user-sam',
            { requestId: sam.id, siteId: 'site-acme', appId: 'app-docuflow', reason: 'pre-approved' },
          ],
        ].sort(),
      );
      expect(await outbox('access_request.auto_approved')).toEqual([]);
      expect((await suite.db.select().from(notificationOutbox)).length).toBe(outboxBefore + 2);

      // Each request's history says who approved it and why.
      expect(
        (await history(nora.id)).map((event) => [
          event.kind,
          event.by?.name ?? null,
          event.summary.replace(/ \(e-mail pending\)$/, ''),
        ]),
      ).toEqual([
        ['created', 'Nora User', 'Asked for the app'],
        ['notified', null, 'Ada Admin told of the new request'],
        ['decided', 'Ada Admin', 'Approved because the app was pre-approved on this site'],
        ['notified', null, 'Nora User told it was approved'],
      ]);
      expect((await history(sam.id)).map((event) => [event.kind, event.by?.name ?? null])).toEqual([
        ['created', 'Sam Sandbox'],
        ['notified', null],
        ['decided', 'Ada Admin'],
        ['audit', 'Ada Admin'],
        ['notified', null],
      ]);
      // The requester sees the outcome too.
      const seenByNora = await callRoute(accessRequestRoute.GET, {
        method: 'GET',
        path: `/api/access-requests/${nora.id}`,
        params: { id: nora.id },
        as: 'nora',
      });
      expect(((await seenByNora.json()) as CreatedBody).request).toMatchObject({
        status: 'approved',
        reason: 'pre-approved',
        decidedBy: { name: 'Ada Admin' },
      });

      // Again: already listed, nothing open, nothing to count. Removing it approves nothing.
      expect(
        ((await (await preApprove('ada', 'site-acme', 'app-docuflow')).json()) as PreApprovalBody)
          .preApproval,
      ).toMatchObject({
        changed: false,
        approvedRequests: 0,
      });
      const removed = await callRoute(preApprovedRoute.DELETE, {
        method: 'DELETE',
        path: '/api/sites/site-acme/pre-approved-apps/app-docuflow',
        params: { siteId: 'site-acme', appId: 'app-docuflow' },
        as: 'ada',
      });
      expect(((await removed.json()) as PreApprovalBody).preApproval).toEqual({
        siteId: 'site-acme',
        appId: 'app-docuflow',
        preApproved: false,
        changed: true,
        approvedRequests: 0,
      });
      expect(await requestRow(otherApp.id)).toMatchObject({ status: 'open' });
      expect(await requestRow(otherSite.id)).toMatchObject({ status: 'open' });
    });

    it('approves nothing for someone who may not pre-approve: a member gets 403, an outsider 404', async () => {
      const nora = await ask('nora', 'site-acme', 'app-docuflow');
      const sandbox = await ask('sam', 'site-acme-sandbox', 'app-docuflow');
      const attempts = [
        { as: 'nora' as const, siteId: 'site-acme', status: 403 },
        // Sam administers the sandbox, but on acme he is a member.
        { as: 'sam' as const, siteId: 'site-acme', status: 403 },
        { as: 'gus' as const, siteId: 'site-acme', status: 404 },
        { as: 'gus' as const, siteId: 'site-acme-sandbox', status: 404 },
      ];
      for (const attempt of attempts) {
        expect({
          ...attempt,
          status: (await preApprove(attempt.as, attempt.siteId, 'app-docuflow')).status,
        }).toEqual(attempt);
      }
      expect(await statusOf(nora.id)).toBe('open');
      expect(await statusOf(sandbox.id)).toBe('open');
      expect(
        await suite.db.select().from(preApprovedApps).where(eq(preApprovedApps.appId, 'app-docuflow')),
      ).toEqual([]);
      expect(await suite.db.select().from(auditLog)).toEqual([]);
      expect(await outbox('access_request.approved')).toEqual([]);
    });

    it('requests filed while the app is pre-approved end approved, by the pre-approval or at creation, never open', async () => {
      for (let round = 0; round < 4; round++) {
        await suite.db.execute(
          'truncate access_requests, notification_outbox, audit_log, site_app_status, pre_approved_apps cascade',
        );
        await seedDemo(suite.db);
        const [put, ...asked] = await Promise.all([
          preApprove('ada', 'site-acme', 'app-docuflow'),
          askRaw('nora', 'site-acme', 'app-docuflow'),
          askRaw('sam', 'site-acme', 'app-docuflow'),
          askRaw('ada', 'site-acme', 'app-docuflow'),
        ]);
        expect(put.status).toBe(200);
        const { approvedRequests } = ((await put.json()) as PreApprovalBody).preApproval;
        // 201 for each; 409 app_already_authorized for one filed after the pre-approval authorized the app.
        expect(
          asked.map((response) => response.status).filter((status) => status !== 201 && status !== 409),
        ).toEqual([]);
        const rows = await suite.db
          .select({
            status: accessRequests.status,
            decidedBy: accessRequests.decidedBy,
            reason: accessRequests.decisionReason,
          })
          .from(accessRequests);
        expect(rows.length).toBe(asked.filter((response) => response.status === 201).length);
        expect(rows.filter((row) => row.status !== 'approved' || row.reason !== 'pre-approved')).toEqual([]);
        expect(rows.filter((row) => row.decidedBy === 'user-ada')).toHaveLength(approvedRequests);
      }
    });

    it('requests filed while Ada authorizes the app, directly or by approving a request, end approved or refused, never open', async () => {
      const ways = {
        // The troubleshooter's live check: Ada marks the app authorized.
        directly: async () => authorize('ada', 'site-acme', 'app-docuflow'),
        // The inbox: approving Nora's request authorizes the app, and so approves the others.
        'by approving a request': async () => {
          const nora = await ask('nora', 'site-acme', 'app-docuflow');
          return decideMany('ada', { ids: [nora.id], decision: 'approve' });
        },
      };
      for (const [way, authorizeIt] of Object.entries(ways)) {
        for (let round = 0; round < 4; round++) {
          await suite.db.execute(
            'truncate access_requests, notification_outbox, audit_log, site_app_status, pre_approved_apps cascade',
          );
          await seedDemo(suite.db);
          const [authorized, ...asked] = await Promise.all([
            authorizeIt(),
            askRaw('sam', 'site-acme', 'app-docuflow'),
            askRaw('ada', 'site-acme', 'app-docuflow'),
          ]);
          expect(authorized.status, way).toBe(200);
          // 201 when filed first (then approved by the authorization); 409 app_already_authorized after it.
          expect(
            asked.map((response) => response.status).filter((status) => status !== 201 && status !== 409),
            way,
          ).toEqual([]);
          const open = await suite.db
            .select({ id: accessRequests.id })
            .from(accessRequests)
            .where(eq(accessRequests.status, 'open'));
          expect(open, `${way}, round ${round}`).toEqual([]);
        }
      }
    });

    // Only PostgreSQL runs transactions side by side; PGlite runs one at a time.
    it.runIf(backend.name === 'postgres')(
      'a request filed just before, or just after, the app is pre-approved is approved either way (PostgreSQL)',
      { timeout: 30_000 },
      async () => {
        const current = (await suite.db.execute('select current_database() as name')) as unknown as {
          rows: { name: string }[];
        };
        const name = current.rows[0]!.name;
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.pathname = `/${name}`;
        const locker = new pg.Client({ connectionString: url.toString() });
        const observer = new pg.Client({ connectionString: url.toString() });
        await locker.connect();
        await observer.connect();
        const waitFor = async (what: string, condition: () => Promise<boolean>) => {
          const deadline = Date.now() + 10_000;
          while (!(await condition())) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        };
        const blockedOn = async (queryStart: string) =>
          (
            await observer.query(
              `select 1 from pg_stat_activity where datname = $1 and wait_event_type = 'Lock' and query ilike $2`,
              [name, `${queryStart}%`],
            )
          ).rows.length > 0;
        // Holds a table so that whoever writes it next waits there, mid-transaction.
        const holdTable = async (table: string) => {
          await locker.query('begin');
          await locker.query(`lock table ${table} in exclusive mode`);
        };

        try {
          // 1. The request first: its transaction has inserted it and waits (on the outbox) when
          // Ada pre-approves. The pre-approval must wait for it, then approve it.
          await holdTable('notification_outbox');
          const asking = askRaw('nora', 'site-acme', 'app-docuflow');
          await waitFor('the request to be inserted and waiting', () =>
            blockedOn('insert into "notification_outbox"'),
          );
          let settled = false;
          const preApproving = preApprove('ada', 'site-acme', 'app-docuflow').finally(() => (settled = true));
          await waitFor(
            'the pre-approval to wait for the request',
            async () => settled || (await blockedOn('select pg_advisory_xact_lock')),
          );
          await locker.query('rollback');
          const [asked, put] = await Promise.all([asking, preApproving]);
          expect(asked.status).toBe(201);
          expect(((await put.json()) as PreApprovalBody).preApproval.approvedRequests).toBe(1);
          const first = ((await asked.json()) as CreatedBody).request;
          expect(
            await suite.db
              .select({ status: accessRequests.status, decidedBy: accessRequests.decidedBy })
              .from(accessRequests)
              .where(eq(accessRequests.id, first.id)),
          ).toEqual([{ status: 'approved', decidedBy: 'user-ada' }]);

          // 2. The pre-approval first, on roadmap with nothing open: it waits (on the audit log) when
          // Sam asks. The request must wait for it, then be approved at creation.
          await holdTable('audit_log');
          const roadmap = preApprove('ada', 'site-acme', 'app-roadmap');
          await waitFor('the pre-approval to be inserted and waiting', () =>
            blockedOn('insert into "audit_log"'),
          );
          settled = false;
          const late = askRaw('sam', 'site-acme', 'app-roadmap').finally(() => (settled = true));
          await waitFor(
            'the request to wait for the pre-approval',
            async () => settled || (await blockedOn('select pg_advisory_xact_lock')),
          );
          await locker.query('rollback');
          const [roadmapPut, lateAsked] = await Promise.all([roadmap, late]);
          expect(((await roadmapPut.json()) as PreApprovalBody).preApproval.approvedRequests).toBe(0);
          expect(lateAsked.status).toBe(201);
          expect(((await lateAsked.json()) as CreatedBody).request).toMatchObject({
            status: 'approved',
            reason: 'pre-approved',
            decidedBy: null,
          });

          const open = await suite.db
            .select()
            .from(accessRequests)
            .where(
              and(
                eq(accessRequests.status, 'open'),
                inArray(accessRequests.appId, ['app-docuflow', 'app-roadmap']),
              ),
            );
          expect(open).toEqual([]);
        } finally {
          await locker.end();
          await observer.end();
        }
      },
    );
  });

  describe('pre-approved apps and the audit log', () => {
    it('Ada pre-approves an app, a new request for it is approved at once, and both changes are in the audit log', async () => {
      const put = await callRoute(preApprovedRoute.PUT, {
        method: 'PUT',
        path: '/api/sites/site-acme/pre-approved-apps/app-docuflow',
        params: { siteId: 'site-acme', appId: 'app-docuflow' },
        as: 'ada',
      });
      expect(put.status).toBe(200);
      expect(((await put.json()) as PreApprovalBody).preApproval).toMatchObject({
        changed: true,
        approvedRequests: 0,
      });
      // Nothing was waiting, so nothing was authorized: that happens when someone asks.
      expect(
        await suite.db.select().from(siteAppStatus).where(eq(siteAppStatus.appId, 'app-docuflow')),
      ).toEqual([]);
      const again = await callRoute(preApprovedRoute.PUT, {
        method: 'PUT',
        path: '/api/sites/site-acme/pre-approved-apps/app-docuflow',
        params: { siteId: 'site-acme', appId: 'app-docuflow' },
        as: 'ada',
      });
      expect(((await again.json()) as { preApproval: { changed: boolean } }).preApproval.changed).toBe(false);

      const list = await callRoute(preApprovedListRoute.GET, {
        method: 'GET',
        path: '/api/sites/site-acme/pre-approved-apps',
        params: { siteId: 'site-acme' },
        as: 'ada',
      });
      expect(
        ((await list.json()) as { preApprovedApps: { app: { id: string } }[] }).preApprovedApps.map(
          (entry) => entry.app.id,
        ),
      ).toEqual(['app-docuflow']);

      const request = await ask('nora', 'site-acme', 'app-docuflow');
      expect(request.status).toBe('approved');

      const removed = await callRoute(preApprovedRoute.DELETE, {
        method: 'DELETE',
        path: '/api/sites/site-acme/pre-approved-apps/app-docuflow',
        params: { siteId: 'site-acme', appId: 'app-docuflow' },
        as: 'ada',
      });
      expect(removed.status).toBe(200);

      const audit = async (query: string) =>
        (
          (await (
            await callRoute(auditRoute.GET, { method: 'GET', path: `/api/audit-log${query}`, as: 'ada' })
          ).json()) as {
            entries: { action: string; actor: { name: string } | null; site: { id: string } }[];
          }
        ).entries;
      expect((await audit('?siteId=site-acme')).map((entry) => entry.action)).toEqual([
        'app.pre_approval_removed',
        'app.authorized',
        'app.pre_approved',
      ]);
      expect((await audit('?action=app.pre_approved')).map((entry) => entry.actor?.name)).toEqual([
        'Ada Admin',
      ]);
      expect((await audit('?actorId=user-ada')).map((entry) => entry.action)).toEqual([
        'app.pre_approval_removed',
        'app.pre_approved',
      ]);
      // Sam's log is his sandbox only: Ada's changes on acme are not his to read.
      const samView = (await (
        await callRoute(auditRoute.GET, { method: 'GET', path: '/api/audit-log', as: 'sam' })
      ).json()) as { entries: unknown[] };
      expect(samView.entries).toEqual([]);
    });

    it("a request's history tells who asked, who was told, and who decided", async () => {
      const request = await ask('nora', 'site-acme', 'app-docuflow', 'For the <b>audit</b>');
      await decideMany('ada', { ids: [request.id], decision: 'deny', reason: 'Use the PDF exporter.' });
      const response = await callRoute(historyRoute.GET, {
        method: 'GET',
        path: `/api/access-requests/${request.id}/history`,
        params: { id: request.id },
        as: 'ada',
      });
      const body = (await response.json()) as {
        request: { message: string };
        events: { kind: string; by: { name: string } | null; summary: string }[];
      };
      expect(body.request.message).toBe('For the <b>audit</b>');
      expect(body.events.map((event) => [event.kind, event.by?.name ?? null])).toEqual([
        ['created', 'Nora User'],
        ['notified', null],
        ['decided', 'Ada Admin'],
        ['notified', null],
      ]);
      expect(body.events[1]!.summary).toMatch(/^Ada Admin told of the new request/);
      expect(body.events[2]!.summary).toBe('Denied: “Use the PDF exporter.”');
      expect(body.events[3]!.summary).toMatch(/^Nora User told it was declined/);
    });
  });
});
