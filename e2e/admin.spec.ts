import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolationsInBothSchemes } from './support/axe';

// The admin console on the demo seed: Ada (org admin of Acme) decides Nora's requests. The tests
// share one database and run in order; each names the request it works on by app.

const PEOPLE = {
  ada: 'Ada Admin',
  nora: 'Nora User',
} as const;
type Person = keyof typeof PEOPLE;
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

// Signed in through /signin once per person; later contexts reuse the cookies.
const storage = new Map<Person, StorageState>();

async function pageFor(browser: Browser, person: Person): Promise<Page> {
  let state = storage.get(person);
  if (!state) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('button', { name: new RegExp(`Sign in as ${PEOPLE[person]}`) }).click();
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
    state = await context.storageState();
    storage.set(person, state);
    await context.close();
  }
  return (await browser.newContext({ storageState: state })).newPage();
}

/** Nora asks through the API (the troubleshooter's own call), as a browser on the app's origin would. */
async function noraAsks(nora: Page, appId: string, message = 'Needed for the quarterly report') {
  if (nora.url() === 'about:blank') await nora.goto('/');
  const response = await nora.request.post('/api/access-requests', {
    data: { siteId: 'site-acme', appId, message },
    headers: { origin: new URL(nora.url()).origin },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { request: { id: string; status: string } }).request;
}

const rowOf = (page: Page, appName: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: new RegExp(appName) }) })
    .filter({ hasText: 'Nora User' });

test.describe.configure({ mode: 'serial' });

test('Nora cannot reach the admin console: the pages are not found', async ({ browser }) => {
  const nora = await pageFor(browser, 'nora');
  for (const path of ['/admin', '/admin/pre-approved', '/admin/audit']) {
    const response = await nora.goto(path);
    expect(response?.status()).toBe(404);
    await expect(nora.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
});

test('Ada denies a request with a reason, and Nora sees the reason in the troubleshooter', async ({
  browser,
}) => {
  const nora = await pageFor(browser, 'nora');
  await noraAsks(nora, 'app-docuflow', 'Please <b>authorize</b> DocuFlow');

  const ada = await pageFor(browser, 'ada');
  await ada.goto('/admin');
  const row = rowOf(ada, 'DocuFlow');
  // The message is shown as text, markup and all.
  await expect(row.getByText('Please <b>authorize</b> DocuFlow')).toBeVisible();
  await row.getByRole('button', { name: /^Deny / }).click();

  const dialog = ada.getByRole('dialog', { name: 'Deny this request' });
  await dialog.getByRole('button', { name: 'Deny request' }).click();
  await expect(dialog.getByText('Write a reason: the requester sees it.')).toBeVisible();
  await dialog.getByLabel('Reason (required)').fill('Use the approved PDF exporter instead.');
  await dialog.getByRole('button', { name: 'Deny request' }).click();
  await expect(ada.getByRole('status').filter({ hasText: 'Denied 1 request.' })).toBeVisible();
  await expect(rowOf(ada, 'DocuFlow')).toHaveCount(0);

  await nora.goto('/troubleshoot/authorize-app?site=acme.atlassian.net&app=DocuFlow');
  await expect(nora.getByText(/declined.*“Use the approved PDF exporter instead\.”/i)).toBeVisible();
});

test('Ada approves two of Nora’s requests at once', async ({ browser }) => {
  const nora = await pageFor(browser, 'nora');
  const docuflow = await noraAsks(nora, 'app-docuflow', 'Asking again: the exporter cannot sign PDFs');
  const roadmap = await noraAsks(nora, 'app-roadmap');

  const ada = await pageFor(browser, 'ada');
  await ada.goto('/admin?site=site-acme&status=open');
  await expect(ada.getByRole('combobox', { name: /^Site/ })).toHaveValue('site-acme');
  await rowOf(ada, 'DocuFlow').getByRole('checkbox').check();
  await rowOf(ada, 'Roadmap Planner').getByRole('checkbox').check();
  await expect(ada.getByText('2 selected')).toBeVisible();
  await ada.getByRole('button', { name: 'Approve selected' }).click();
  await expect(ada.getByRole('status').filter({ hasText: 'Approved 2 requests.' })).toBeVisible();
  await expect(ada.getByText('No requests match these filters.')).toBeVisible();

  for (const id of [docuflow.id, roadmap.id]) {
    const response = await nora.request.get(`/api/access-requests/${id}`);
    expect(((await response.json()) as { request: { status: string } }).request.status).toBe('approved');
  }

  // The history tells who decided.
  await ada.goto(`/admin/requests/${docuflow.id}`);
  await expect(
    ada.getByRole('listitem').filter({ hasText: 'Approved' }).filter({ hasText: 'Ada Admin' }),
  ).toBeVisible();
});

test('Ada pre-approves an app and Nora’s new request for it is approved at once', async ({ browser }) => {
  const ada = await pageFor(browser, 'ada');
  await ada.goto('/admin/pre-approved');
  // Roadmap Planner was just authorized on acme; take that back so there is something to ask for.
  const removed = await ada.request.delete('/api/sites/site-acme/apps/app-roadmap/authorization', {
    headers: { origin: new URL(ada.url()).origin },
  });
  expect(removed.status()).toBe(200);

  const acme = ada.getByRole('region', { name: 'acme', exact: true });
  await acme.getByLabel('App to pre-approve on acme').selectOption({ label: 'Roadmap Planner' });
  await acme.getByRole('button', { name: 'Pre-approve' }).click();
  await expect(acme.getByText('Roadmap Planner is pre-approved on acme.')).toBeVisible();
  await expect(
    acme.getByRole('button', { name: 'Remove Roadmap Planner from the pre-approved apps of acme' }),
  ).toBeVisible();

  const nora = await pageFor(browser, 'nora');
  const request = await noraAsks(nora, 'app-roadmap');
  expect(request.status).toBe('approved');

  await ada.goto('/admin/audit?action=app.pre_approved');
  await expect(
    ada.getByRole('row').filter({ hasText: 'App pre-approved' }).filter({ hasText: 'Ada Admin' }),
  ).toHaveCount(1);
});

test('the bell tells Nora about decisions and marks them read', async ({ browser }) => {
  const nora = await pageFor(browser, 'nora');
  await nora.goto('/');
  const bell = nora.getByRole('banner').getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await bell.click();
  const panel = nora.getByRole('region', { name: 'Notifications' });
  await expect(
    panel.getByRole('link', { name: /Your request for DocuFlow on acme was declined/ }),
  ).toBeVisible();
  await panel.getByRole('button', { name: 'Mark all read' }).click();
  await expect(
    nora.getByRole('banner').getByRole('button', { name: 'Notifications', exact: true }),
  ).toBeVisible();
  await nora.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
});

for (const path of ['/admin', '/admin?status=all', '/admin/pre-approved', '/admin/audit']) {
  test(`${path} has no accessibility violations (light and dark)`, async ({ browser }) => {
    const ada = await pageFor(browser, 'ada');
    await ada.goto(path);
    await expect(ada.getByRole('navigation', { name: 'Admin console' })).toBeVisible();
    await expectNoAxeViolationsInBothSchemes(ada);
  });
}
