import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import { DAY_MS, type Clock } from '@/lib/clock';
import { setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { accessRequests, auditLog, notificationOutbox } from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { runBackgroundJobs } from '@/lib/jobs/run-background-jobs';
import { inAppOnlyNotifier } from '@/lib/notifications/notifier';
import { callRoute } from '@/tests/support/call-route';
import type { DemoUserKey } from '@/tests/support/session';
import { testBackends } from '@/tests/support/test-database';

const ask = async (as: DemoUserKey, siteId: string, appId: string) => {
  const response = await callRoute(accessRequestsRoute.POST, {
    method: 'POST',
    path: '/api/access-requests',
    body: { siteId, appId },
    as,
  });
  return ((await response.json()) as { request: { id: string } }).request;
};

const settings = { expiryDays: 30, reminderDays: 3 };

describe.each(testBackends())('request expiry and admin reminders on $name', (backend) => {
  let handle: DatabaseHandle;
  let start: number;
  /** A clock the test moves forward by whole days. */
  const after =
    (days: number): Clock =>
    () =>
      new Date(start + days * DAY_MS);

  beforeAll(async () => {
    handle = await backend.open();
    setDatabaseForTests(handle);
  });
  afterAll(async () => {
    setDatabaseForTests(undefined);
    await handle.close();
  });
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await handle.db.execute(
      'truncate access_requests, notification_outbox, audit_log, site_app_status, pre_approved_apps cascade',
    );
    await seedDemo(handle.db);
    start = Date.now();
  });

  const outboxOf = (kind: string) =>
    handle.db
      .select({ recipient: notificationOutbox.recipientUserId, payload: notificationOutbox.payload })
      .from(notificationOutbox)
      .where(eq(notificationOutbox.kind, kind));
  const statusOf = async (id: string) =>
    (
      await handle.db
        .select({ status: accessRequests.status })
        .from(accessRequests)
        .where(eq(accessRequests.id, id))
    )[0]?.status;

  it('reminds the admins exactly once after the reminder period, however often the jobs run', async () => {
    const request = await ask('nora', 'site-acme', 'app-docuflow');
    const sandbox = await ask('sam', 'site-acme-sandbox', 'app-docuflow');

    expect((await runBackgroundJobs(handle.db, inAppOnlyNotifier, after(2), settings)).reminded).toEqual([]);
    const due = await runBackgroundJobs(handle.db, inAppOnlyNotifier, after(4), settings);
    expect(due.reminded.sort()).toEqual([request.id, sandbox.id].sort());
    for (const days of [4, 5, 10, 29]) {
      expect((await runBackgroundJobs(handle.db, inAppOnlyNotifier, after(days), settings)).reminded).toEqual(
        [],
      );
    }

    const reminders = await outboxOf('access_request.reminder');
    // Acme's admin is Ada (org admin); the sandbox's are Sam (site admin) and Ada.
    expect(
      reminders
        .map((row) => `${row.recipient}:${row.payload.requestId === request.id ? 'acme' : 'sandbox'}`)
        .sort(),
    ).toEqual(['user-ada:acme', 'user-ada:sandbox', 'user-sam:sandbox']);
  });

  it('a request already past expiry when the jobs first run is expired, not reminded', async () => {
    const request = await ask('nora', 'site-acme', 'app-docuflow');
    const report = await runBackgroundJobs(handle.db, inAppOnlyNotifier, after(31), settings);
    expect(report).toMatchObject({ expired: [request.id], reminded: [] });
    expect(await outboxOf('access_request.reminder')).toEqual([]);
  });

  it('a request decided or withdrawn before the reminder period gets no reminder', async () => {
    const request = await ask('nora', 'site-acme', 'app-docuflow');
    await callRoute((await import('@/app/api/access-requests/[id]/route')).DELETE, {
      method: 'DELETE',
      path: `/api/access-requests/${request.id}`,
      params: { id: request.id },
      as: 'nora',
    });
    const report = await runBackgroundJobs(handle.db, inAppOnlyNotifier, after(40), settings);
    expect(report).toMatchObject({ reminded: [], expired: [] });
    expect(await statusOf(request.id)).toBe('withdrawn');
  });

  it('expires open requests after the expiry period and tells the requester, once', async () => {
    const request = await ask('nora', 'site-acme', 'app-docuflow');
    expect((await runBackgroundJobs(handle.db, inAppOnlyNotifier, after(29), settings)).expired).toEqual([]);
    expect(await statusOf(request.id)).toBe('open');

    const report = await runBackgroundJobs(handle.db, inAppOnlyNotifier, after(31), settings);
    expect(report.expired).toEqual([request.id]);
    expect(await statusOf(request.id)).toBe('expired');
    expect((await runBackgroundJobs(handle.db, inAppOnlyNotifier, after(32), settings)).expired).toEqual([]);

    const told = await outboxOf('access_request.expired');
    expect(told).toEqual([
      { recipient: 'user-nora', payload: expect.objectContaining({ requestId: request.id, expiryDays: 30 }) },
    ]);
    const audited = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'access_request.expired'));
    expect(audited).toMatchObject([{ actorUserId: null, target: request.id }]);
    // The day-29 tick reminded Ada once; expiry does not add a second reminder.
    expect((await outboxOf('access_request.reminder')).map((row) => row.recipient)).toEqual(['user-ada']);

    // It is over: Nora may ask again.
    const again = await ask('nora', 'site-acme', 'app-docuflow');
    expect(again.id).not.toBe(request.id);
  });
});
