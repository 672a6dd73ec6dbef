import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import * as localeRoute from '@/app/api/me/locale/route';
import * as notificationsRoute from '@/app/api/notifications/route';
import { buildAuthOptions } from '@/lib/auth/options';
import { parseConfig } from '@/lib/config';
import { accessRequests, notificationOutbox, users } from '@/lib/db/schema';
import { findDemoUser } from '@/lib/demo/demo-accounts';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { deliverDueNotifications } from '@/lib/notifications/deliver-due-notifications';
import type { NotificationMessage, Notifier } from '@/lib/notifications/notifier';
import { callRoute } from '@/tests/support/call-route';
import { openSuiteDatabase, testBackends } from '@/tests/support/test-database';

const JAPANESE_MESSAGE = '経費精算のために DocuFlow を使いたいです。\nご確認をお願いします。';

describe.each(testBackends())('each person’s language on $name', (backend) => {
  const suite = openSuiteDatabase(backend, { seed: seedDemo });

  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await suite.db.execute('truncate access_requests, notification_outbox cascade');
    await suite.db.update(users).set({ locale: 'en' });
  });

  const storedLocale = async (userId: string) =>
    (await suite.db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)))[0]?.locale;

  const setLocale = (as: 'ada' | 'nora' | undefined, body: unknown) =>
    callRoute(localeRoute.PUT, { method: 'PUT', path: '/api/me/locale', body, ...(as ? { as } : {}) });

  it('stores the language a signed-in person switches to', async () => {
    const response = await setLocale('nora', { locale: 'ja' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ locale: 'ja' });
    expect(await storedLocale('user-nora')).toBe('ja');
    expect(await storedLocale('user-ada')).toBe('en');
  });

  it.each([
    ['a language Greenlight does not speak', { locale: 'fr' }],
    ['no language', {}],
    ['an unknown field', { locale: 'de', theme: 'dark' }],
    ['a language tag rather than a locale', { locale: 'de-DE' }],
  ])('refuses %s with 400 and changes nothing', async (_, body) => {
    const response = await setLocale('nora', body);
    expect(response.status).toBe(400);
    const payload = (await response.json()) as { error: { code: string; message: string } };
    expect(payload.error.code).toEqual(expect.any(String));
    expect(payload.error.message).toEqual(expect.any(String));
    expect(await storedLocale('user-nora')).toBe('en');
  });

  it('asks a signed-out caller to sign in', async () => {
    expect((await setLocale(undefined, { locale: 'de' })).status).toBe(401);
  });

  it('records the language a person was browsing in when they sign in', async () => {
    const options = buildAuthOptions(parseConfig({ NODE_ENV: 'test' }), findDemoUser, 'de');
    const nora = await findDemoUser(suite.db, 'nora@acme.test');
    await options.callbacks!.jwt!({
      token: {},
      user: { ...nora!, id: nora!.id },
      account: { provider: 'demo', type: 'credentials', providerAccountId: nora!.id },
    } as never);
    expect(await storedLocale('user-nora')).toBe('de');
  });

  it('renders a request for each reader in their own language, the requester’s words as written', async () => {
    await setLocale('nora', { locale: 'ja' });
    const created = await callRoute(accessRequestsRoute.POST, {
      method: 'POST',
      path: '/api/access-requests',
      body: { siteId: 'site-acme', appId: 'app-docuflow', message: JAPANESE_MESSAGE },
      as: 'nora',
    });
    expect(created.status).toBe(201);
    const [stored] = await suite.db.select().from(accessRequests);
    // Stored as written, with its language; no words of the fixed parts in the row.
    expect(stored).toMatchObject({ message: JAPANESE_MESSAGE, messageLocale: 'ja' });

    // Ada's stored language is English: her e-mail's fixed parts are English, the message Japanese.
    const sent: NotificationMessage[] = [];
    const notifier: Notifier = { channel: 'smtp', send: async (message) => void sent.push(message) };
    await deliverDueNotifications(suite.db, notifier, () => new Date(Date.now() + 5_000), {
      baseUrl: 'https://greenlight.example.test',
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to.email).toBe('ada@acme.test');
    expect(sent[0]!.subject).toBe('Nora User asks for DocuFlow on acme');
    expect(sent[0]!.text).toContain('Error they saw: “Your site admin must authorize this app”');
    expect(sent[0]!.text).toContain(`Their message (as they wrote it):\n\n${JAPANESE_MESSAGE}`);
    expect(sent[0]!.text).toContain('Open in Greenlight: https://greenlight.example.test/admin/requests/');

    // Ada switches to German: the bell (without a page language) and her next e-mail follow.
    await setLocale('ada', { locale: 'de' });
    const bell = await callRoute(notificationsRoute.GET, {
      method: 'GET',
      path: '/api/notifications',
      as: 'ada',
    });
    expect(((await bell.json()) as { notifications: { title: string }[] }).notifications[0]!.title).toBe(
      'Nora User bittet um DocuFlow auf acme',
    );
    // The same notification delivered again, as if it were due now.
    await suite.db.update(notificationOutbox).set({ sentAt: null, attempts: 0 });
    await deliverDueNotifications(suite.db, notifier, () => new Date(Date.now() + 5_000), {
      baseUrl: 'https://greenlight.example.test',
    });
    expect(sent[1]!.subject).toBe('Nora User bittet um DocuFlow auf acme');
    expect(sent[1]!.text).toContain('Angezeigter Fehler: “Your site admin must authorize this app”');
    expect(sent[1]!.text).toContain(JAPANESE_MESSAGE);
    expect(sent[1]!.text).toContain(
      'In Greenlight öffnen: https://greenlight.example.test/de/admin/requests/',
    );

    // The bell on a Japanese page speaks Japanese, whatever is stored.
    const onJapanesePage = await callRoute(notificationsRoute.GET, {
      method: 'GET',
      path: '/api/notifications?locale=ja',
      as: 'ada',
    });
    expect(
      ((await onJapanesePage.json()) as { notifications: { title: string }[] }).notifications[0]!.title,
    ).toBe('Nora User さんから acme の DocuFlow の承認依頼が届きました');
  });

  it('refuses a bell language it does not speak with 400', async () => {
    const response = await callRoute(notificationsRoute.GET, {
      method: 'GET',
      path: '/api/notifications?locale=xx',
      as: 'ada',
    });
    expect(response.status).toBe(400);
  });
});
