import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import * as notificationsRoute from '@/app/api/notifications/route';
import * as readRoute from '@/app/api/notifications/read/route';
import type { Clock } from '@/lib/clock';
import { setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { notificationOutbox } from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { deliverDueNotifications } from '@/lib/notifications/deliver-due-notifications';
import { createSmtpNotifier, messageIdFor } from '@/lib/notifications/smtp-notifier';
import { callRoute } from '@/tests/support/call-route';
import { startSmtpServer } from '@/tests/support/smtp-server';
import { testBackends } from '@/tests/support/test-database';

/** A plain-text body as sent (quoted-printable once it holds “quotes” or another script), readable. */
const bodyOf = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

const header = (raw: string, name: string) => new RegExp(`^${name}: *(.+)$`, 'mi').exec(raw)?.[1]?.trim();

describe.each(testBackends())('notification delivery on $name', (backend) => {
  let handle: DatabaseHandle;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let notifier: ReturnType<typeof createSmtpNotifier>;
  let start: number;
  const at =
    (ms: number): Clock =>
    () =>
      new Date(start + ms);

  beforeAll(async () => {
    handle = await backend.open();
    setDatabaseForTests(handle);
    smtp = await startSmtpServer();
    notifier = createSmtpNotifier({ url: smtp.url, from: 'Greenlight <greenlight@example.test>' });
  });
  afterAll(async () => {
    notifier.close();
    await smtp.close();
    setDatabaseForTests(undefined);
    await handle.close();
  });
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await handle.db.execute(
      'truncate access_requests, notification_outbox, audit_log, site_app_status, pre_approved_apps cascade',
    );
    await seedDemo(handle.db);
    smtp.received.length = 0;
    smtp.control.rejectNext = 0;
    // Rows queued during the test (a few ms from now) are due at the test's "now".
    start = Date.now() + 5_000;
  });

  const askForDocuflow = () =>
    callRoute(accessRequestsRoute.POST, {
      method: 'POST',
      path: '/api/access-requests',
      body: { siteId: 'site-acme', appId: 'app-docuflow', message: 'For the Q3 audit' },
      as: 'nora',
    });

  it('sends the new-request e-mail to the site admin, with the outbox id as Message-ID', async () => {
    await askForDocuflow();
    const report = await deliverDueNotifications(handle.db, notifier, at(0), {
      baseUrl: 'https://greenlight.example.test',
    });
    expect(report.failed).toEqual([]);
    expect(report.sent).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(header(mail, 'To')).toContain('ada@acme.test');
    expect(header(mail, 'Subject')).toBe('Nora User asks for DocuFlow on acme');
    expect(header(mail, 'Message-ID')).toBe(messageIdFor(report.sent[0]!));
    expect(bodyOf(mail)).toContain('For the Q3 audit');
    expect(bodyOf(mail)).toContain(`Open in Greenlight: https://greenlight.example.test/admin/requests/`);
  });

  it('retries a refused send after the backoff and never sends the same notification twice', async () => {
    await askForDocuflow();
    smtp.control.rejectNext = 1;

    const first = await deliverDueNotifications(handle.db, notifier, at(0));
    expect(first.sent).toEqual([]);
    expect(first.failed).toMatchObject([{ attempts: 1, error: expect.stringContaining('451') }]);
    const [row] = await handle.db.select().from(notificationOutbox);
    expect(row).toMatchObject({ sentAt: null, attempts: 1 });
    expect(row!.nextAttemptAt.getTime()).toBe(start + 60_000);

    // Before the backoff has passed nothing is due.
    expect(await deliverDueNotifications(handle.db, notifier, at(30_000))).toEqual({ sent: [], failed: [] });
    const retried = await deliverDueNotifications(handle.db, notifier, at(61_000));
    expect(retried.sent).toEqual([row!.id]);
    // Later runs, and two workers racing, find nothing more to send.
    const racing = await Promise.all([
      deliverDueNotifications(handle.db, notifier, at(10 * 60_000)),
      deliverDueNotifications(handle.db, notifier, at(10 * 60_000)),
    ]);
    expect(racing.flatMap((report) => report.sent)).toEqual([]);

    expect(smtp.received).toHaveLength(1);
    expect(header(smtp.received[0]!, 'Message-ID')).toBe(messageIdFor(row!.id));
    const [sent] = await handle.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.id, row!.id));
    expect(sent).toMatchObject({ attempts: 2, lastError: null });
    expect(sent!.sentAt).not.toBeNull();
  });

  it('two workers claiming at once deliver each notification exactly once', async () => {
    // Four requests → four notifications to Ada.
    for (const [as, siteId, appId] of [
      ['nora', 'site-acme', 'app-docuflow'],
      ['nora', 'site-acme', 'app-roadmap'],
      ['sam', 'site-acme', 'app-docuflow'],
      ['sam', 'site-acme', 'app-roadmap'],
    ] as const) {
      await callRoute(accessRequestsRoute.POST, {
        method: 'POST',
        path: '/api/access-requests',
        body: { siteId, appId },
        as,
      });
    }
    const reports = await Promise.all([
      deliverDueNotifications(handle.db, notifier, at(0), { batchSize: 3 }),
      deliverDueNotifications(handle.db, notifier, at(0), { batchSize: 3 }),
    ]);
    const again = await deliverDueNotifications(handle.db, notifier, at(0));
    const sent = [...reports.flatMap((report) => report.sent), ...again.sent];
    expect(new Set(sent).size).toBe(4);
    expect(sent).toHaveLength(4);
    expect(new Set(smtp.received.map((mail) => header(mail, 'Message-ID'))).size).toBe(4);
    expect(smtp.received).toHaveLength(4);
  });

  it('the bell: unread count and list for the recipient, mark read, and nobody marks another person’s', async () => {
    await askForDocuflow();
    const bell = async (as: 'ada' | 'nora') =>
      (await (
        await callRoute(notificationsRoute.GET, { method: 'GET', path: '/api/notifications', as })
      ).json()) as {
        unreadCount: number;
        notifications: { id: string; title: string; href: string; read: boolean }[];
      };
    const ada = await bell('ada');
    expect(ada.unreadCount).toBe(1);
    expect(ada.notifications).toMatchObject([{ title: 'Nora User asks for DocuFlow on acme', read: false }]);
    expect(ada.notifications[0]!.href).toMatch(/^\/admin\/requests\/[0-9a-f-]{36}$/);
    expect((await bell('nora')).unreadCount).toBe(0);

    const byNora = await callRoute(readRoute.POST, {
      method: 'POST',
      path: '/api/notifications/read',
      body: { ids: [ada.notifications[0]!.id] },
      as: 'nora',
    });
    expect(await byNora.json()).toEqual({ marked: 0 });
    expect((await bell('ada')).unreadCount).toBe(1);

    const byAda = await callRoute(readRoute.POST, {
      method: 'POST',
      path: '/api/notifications/read',
      body: { all: true },
      as: 'ada',
    });
    expect(await byAda.json()).toEqual({ marked: 1 });
    expect(await bell('ada')).toMatchObject({ unreadCount: 0, notifications: [{ read: true }] });
  });
});
