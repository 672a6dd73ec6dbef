import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import * as accessRequestRoute from '@/app/api/access-requests/[id]/route';
import { accessRequests, apps, notificationOutbox, users } from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { deliverDueNotifications } from '@/lib/notifications/deliver-due-notifications';
import { createSmtpNotifier } from '@/lib/notifications/smtp-notifier';
import { callRoute } from '@/tests/support/call-route';
import { startSmtpServer } from '@/tests/support/smtp-server';
import { openSuiteDatabase, testBackends } from '@/tests/support/test-database';

// A member must not be able to flood their site's admins: filing, withdrawing and filing again
// notifies once, and a requester's new requests on one site notify at most a few times a day.
// What people typed (names, messages) never reaches an e-mail header.

const EXTRA_APPS = Array.from({ length: 8 }, (_, i) => ({
  id: `app-extra-${i}`,
  name: `Extra ${i}`,
  vendor: 'Test',
}));

describe.each(testBackends())('notifications of new requests on $name', (backend) => {
  const suite = openSuiteDatabase(backend);

  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await suite.db.execute(
      sql`truncate access_requests, notification_outbox, audit_log, site_app_status, pre_approved_apps, apps, users cascade`,
    );
    await seedDemo(suite.db);
    await suite.db.insert(apps).values(EXTRA_APPS);
  });

  const file = async (appId: string) => {
    const response = await callRoute(accessRequestsRoute.POST, {
      method: 'POST',
      path: '/api/access-requests',
      body: { siteId: 'site-acme', appId, message: 'Please' },
      as: 'nora',
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { request: { id: string } }).request.id;
  };
  const withdraw = async (id: string) => {
    const response = await callRoute(accessRequestRoute.DELETE, {
      method: 'DELETE',
      path: `/api/access-requests/${id}`,
      params: { id },
      as: 'nora',
    });
    expect(response.status).toBe(200);
  };
  const createdNotifications = () =>
    suite.db
      .select({ requestId: sql<string>`${notificationOutbox.payload}->>'requestId'` })
      .from(notificationOutbox)
      .where(eq(notificationOutbox.kind, 'access_request.created'));

  it('create → withdraw → create within a day notifies the admins once', async () => {
    const first = await file('app-docuflow');
    const afterFirst = (await createdNotifications()).length;
    expect(afterFirst).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) {
      await withdraw(
        i === 0
          ? first
          : (await suite.db.select().from(accessRequests).where(eq(accessRequests.status, 'open')))[0]!.id,
      );
      await file('app-docuflow');
    }
    const notified = await createdNotifications();
    expect(notified).toHaveLength(afterFirst);
    expect(new Set(notified.map((row) => row.requestId))).toEqual(new Set([first]));
    // Every request is still there for the admins to see in their inbox.
    expect(await suite.db.select().from(accessRequests)).toHaveLength(6);
  });

  it('a day later, filing again notifies again', async () => {
    const first = await file('app-docuflow');
    await withdraw(first);
    await suite.db
      .update(accessRequests)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(accessRequests.id, first));
    const again = await file('app-docuflow');
    const notified = new Set((await createdNotifications()).map((row) => row.requestId));
    expect(notified).toEqual(new Set([first, again]));
  });

  it('notifies about at most 5 new requests per requester and site a day', async () => {
    const filed: string[] = [];
    for (const app of EXTRA_APPS) filed.push(await file(app.id));
    const notified = new Set((await createdNotifications()).map((row) => row.requestId));
    expect(notified).toEqual(new Set(filed.slice(0, 5)));
    // Another requester on the same site has their own allowance.
    const sam = await callRoute(accessRequestsRoute.POST, {
      method: 'POST',
      path: '/api/access-requests',
      body: { siteId: 'site-acme', appId: 'app-extra-7' },
      as: 'sam',
    });
    const samRequest = ((await sam.json()) as { request: { id: string } }).request.id;
    expect((await createdNotifications()).some((row) => row.requestId === samRequest)).toBe(true);
  });
});

describe.each(testBackends())('names in e-mail headers on $name', (backend) => {
  const suite = openSuiteDatabase(backend);
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let notifier: ReturnType<typeof createSmtpNotifier>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    notifier = createSmtpNotifier({ url: smtp.url, from: 'Greenlight <greenlight@example.test>' });
  });
  afterAll(async () => {
    notifier.close();
    await smtp.close();
  });

  it('a display name with CR LF cannot add a header to the e-mail', async () => {
    await seedDemo(suite.db);
    // Names come from Atlassian profiles (or the directory) and are whatever the person typed.
    await suite.db
      .update(users)
      .set({ name: 'Nora\r\nBcc: victim@evil.test\r\nX-Injected: 1' })
      .where(eq(users.id, 'user-nora'));
    await suite.db
      .update(users)
      .set({ name: 'Ada\r\nBcc: victim2@evil.test' })
      .where(and(eq(users.id, 'user-ada')));
    setRateLimiterForTests(createMemoryRateLimiter());
    const response = await callRoute(accessRequestsRoute.POST, {
      method: 'POST',
      path: '/api/access-requests',
      body: { siteId: 'site-acme', appId: 'app-docuflow', message: 'line one\r\nBcc: victim3@evil.test' },
      as: 'nora',
    });
    expect(response.status).toBe(201);
    const report = await deliverDueNotifications(suite.db, notifier, () => new Date(Date.now() + 60_000));
    expect(report.failed).toEqual([]);
    expect(smtp.received.length).toBeGreaterThan(0);
    for (const mail of smtp.received) {
      const [head] = mail.split(/\r?\n\r?\n/);
      // Unfold continuation lines, then every header line must be one we expect.
      const lines = head!.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
      const names = lines.map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
      expect(names).not.toContain('bcc');
      expect(names).not.toContain('x-injected');
      // nodemailer already refuses raw line breaks in headers; the name must not need it to.
      // Not even encoded: a display name with a line break in it is not one a mail client shows whole.
      const to = lines.find((line) => line.toLowerCase().startsWith('to:'))!;
      expect(to).not.toMatch(/=0D|=0A/i);
      expect(to).toContain('Ada Bcc: victim2@evil.test');
      const subject = lines.find((line) => line.toLowerCase().startsWith('subject:'))!;
      expect(subject).toBe('Subject: Nora Bcc: victim@evil.test X-Injected: 1 asks for DocuFlow on acme');
      // The body opens with the same one line; the message keeps its own line breaks.
      const body = mail.slice(head!.length).trim();
      expect(body.split(/\r?\n/)[0]).toBe(
        'Nora Bcc: victim@evil.test X-Injected: 1 asks for DocuFlow on acme',
      );
      expect(body).toMatch(/line one\r?\nBcc: victim3@evil.test/);
    }
    // The envelope went only to the site's admins, never to an address in a name.
    expect(smtp.recipients.flat().some((address) => address.includes('evil.test'))).toBe(false);
  });
});
