import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

// Requests across languages on the demo seed: Nora browses Greenlight in Japanese and asks in her
// own words; Ada, who reads English, sees the request's fixed parts in English and Nora's message
// as written; once Ada switches to German, the same request reads in German. The request is for
// Timesheets Pro on acme, which no other journey asks for; the app is authorized again at the end,
// as seeded.

const JAPANESE_MESSAGE = '経費精算で Timesheets Pro を使いたいので、承認をお願いします。';
const SITE = 'site-acme';
const APP = 'app-timesheets';

test.describe.configure({ mode: 'serial' });

/** Signs in through the sign-in page of the language the browser asks for. */
async function signIn(browser: Browser, name: string, locale: 'en-US' | 'ja-JP'): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(locale === 'ja-JP' ? '/ja/signin' : '/signin');
  // The button signs in once its page has hydrated; a click before that does nothing, so click
  // until the sign-in leaves the page.
  await expect(async () => {
    await page.getByRole('button', { name: new RegExp(name) }).click({ timeout: 5_000 });
    await expect(page).not.toHaveURL(/\/signin/, { timeout: 5_000 });
  }).toPass({ timeout: 40_000 });
  // The account corner's words belong to another part of the interface: wait for the session itself.
  await expect
    .poll(
      async () =>
        ((await (await page.request.get('/api/auth/session')).json()) as { user?: { name?: string } }).user
          ?.name,
      { timeout: 20_000 },
    )
    .toBe(name);
  return page;
}

const storedLocale = async (page: Page) =>
  ((await (await page.request.get('/api/me')).json()) as { user: { locale: string } }).user.locale;

const origin = (page: Page) => ({ origin: new URL(page.url()).origin });

/** As a site admin: the app authorized (approving every open request for it), or not. */
async function setAuthorized(admin: BrowserContext, page: Page, authorized: boolean) {
  const path = `/api/sites/${SITE}/apps/${APP}/authorization`;
  const response = authorized
    ? await admin.request.put(path, { headers: origin(page), data: {} })
    : await admin.request.delete(path, { headers: origin(page) });
  expect(response.status()).toBe(200);
}

let ada: Page;
let nora: Page;

test.beforeAll(async ({ browser }) => {
  ada = await signIn(browser, 'Ada Admin', 'en-US');
  nora = await signIn(browser, 'Nora User', 'ja-JP');
  // Nobody's request open for the app, and the app not authorized: Nora may ask.
  await setAuthorized(ada.context(), ada, true);
  await setAuthorized(ada.context(), ada, false);
});

test.afterAll(async () => {
  await setAuthorized(ada.context(), ada, true);
  await ada.context().close();
  await nora.context().close();
});

test('each person’s language is the one they signed in with', async () => {
  expect(await storedLocale(ada)).toBe('en');
  expect(await storedLocale(nora)).toBe('ja');
});

test('Nora, browsing in Japanese, asks in her own words; Ada reads the request in English', async () => {
  await expect(nora.locator('html')).toHaveAttribute('lang', 'ja');
  // The troubleshooter's own call, from the Japanese page (its form is another journey's subject).
  const response = await nora.request.post('/api/access-requests', {
    headers: origin(nora),
    data: { siteId: SITE, appId: APP, message: JAPANESE_MESSAGE },
  });
  expect(response.status()).toBe(201);
  const { request } = (await response.json()) as { request: { id: string; messageLocale: string } };
  expect(request.messageLocale).toBe('ja');

  await ada.goto(`/admin?site=${SITE}&app=${APP}`);
  await expect(ada.locator('html')).toHaveAttribute('lang', 'en');
  const table = ada.getByRole('table', { name: 'Access requests, oldest first' });
  await expect(table.getByRole('columnheader', { name: 'Requester' })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: 'Nora User' });
  await expect(
    row.getByRole('button', { name: 'Approve Nora User’s request for Timesheets Pro on acme' }),
  ).toBeVisible();
  // Her message exactly as written, marked as Japanese for screen readers.
  const message = row.getByText(JAPANESE_MESSAGE);
  await expect(message).toHaveAttribute('lang', 'ja');

  // The request's page: app, site, error and what to do in English; the message as written.
  await row.getByRole('link', { name: /History/ }).click();
  await expect(ada).toHaveURL(new RegExp(`/admin/requests/${request.id}$`));
  const details = ada.getByRole('region', { name: 'Nora User asked for Timesheets Pro on acme' });
  await expect(details.getByText('Error they saw')).toBeVisible();
  await expect(details.getByText('Your site admin must authorize this app')).toHaveAttribute('lang', 'en');
  await expect(details.getByText(/Apps → Sites → acme → Connected apps/)).toBeVisible();
  await expect(details.getByText(JAPANESE_MESSAGE)).toHaveAttribute('lang', 'ja');

  // The bell on Ada's English page says it in English.
  await ada
    .getByRole('banner')
    .getByRole('button', { name: /^Notifications/ })
    .click();
  await expect(
    ada.getByRole('region', { name: 'Notifications' }).getByRole('link', {
      name: /Nora User asks for Timesheets Pro on acme/,
    }),
  ).toBeVisible();
});

test('Ada switches to German: her stored language follows, and the same request reads in German', async () => {
  await ada.goto(`/admin?site=${SITE}&app=${APP}`);
  await ada.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }).click();
  await expect(ada).toHaveURL(/\/de\/admin\?/);
  await expect.poll(() => storedLocale(ada)).toBe('de');

  await expect(ada.locator('html')).toHaveAttribute('lang', 'de');
  const table = ada.getByRole('table', { name: 'Zugriffsanfragen, älteste zuerst' });
  await expect(table.getByRole('columnheader', { name: 'Anfragende Person' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Wartezeit' })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: 'Nora User' });
  await expect(
    row.getByRole('button', { name: 'Anfrage von Nora User für Timesheets Pro auf acme ablehnen' }),
  ).toBeVisible();
  await expect(row.getByText(JAPANESE_MESSAGE)).toHaveAttribute('lang', 'ja');
  await expect(
    ada.getByRole('form', { name: 'Anfragen filtern' }).getByRole('combobox', { name: 'Status' }),
  ).toHaveValue('open');

  await row.getByRole('link', { name: /Verlauf/ }).click();
  await expect(ada).toHaveURL(/\/de\/admin\/requests\//);
  const details = ada.getByRole('region', { name: 'Nora User hat Timesheets Pro auf acme angefragt' });
  await expect(details.getByText('Angezeigter Fehler')).toBeVisible();
  await expect(details.getByText('Offen', { exact: true })).toBeVisible();
  await expect(details.getByText(JAPANESE_MESSAGE)).toHaveAttribute('lang', 'ja');
  // Its history, too, in German.
  const history = ada.getByRole('region', { name: 'Verlauf' });
  await expect(history.getByText('Hat die App angefragt')).toBeVisible();
  await expect(history.getByText(/Ada Admin über die neue Anfrage informiert/)).toBeVisible();

  // Back to English, as the other journeys expect Ada.
  await ada.goto(`/de/admin?site=${SITE}&app=${APP}`);
  await ada.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'English' }).click();
  await expect.poll(() => storedLocale(ada)).toBe('en');
});

for (const path of [`/de/admin?site=${SITE}&app=${APP}`, `/ja/admin?site=${SITE}&app=${APP}`]) {
  test(`${path} has no accessibility violations`, async () => {
    await ada.goto(path);
    await expect(ada.getByRole('table')).toBeVisible();
    const results = await new AxeBuilder({ page: ada }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
}
