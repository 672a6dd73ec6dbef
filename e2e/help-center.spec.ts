import { expect, test } from '@playwright/test';
import { expectNoAxeViolationsInBothSchemes } from './support/axe';

const SEED = '/articles/site-admin-must-authorize-app';

test('home → article → "No" with a reason is stored and thanked', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Your site admin must authorize this app',
  );
  await expect(page.getByRole('link', { name: 'Start the troubleshooter' })).toHaveAttribute(
    'href',
    '/troubleshoot/authorize-app',
  );

  await page.getByRole('region', { name: 'Popular articles' }).getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`${SEED}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Who can do this' })).toBeVisible();

  const feedback = page.getByRole('region', { name: 'Was this helpful?' });
  await feedback.getByRole('button', { name: 'No' }).click();
  await feedback.getByLabel('The steps were hard to follow').check();
  await feedback.getByLabel(/Anything else/).fill('Which menu is Connected apps under?');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/feedback') && r.request().method() === 'POST'),
    feedback.getByRole('button', { name: 'Send feedback' }).click(),
  ]);
  expect(response.status()).toBe(201);
  await expect(feedback.getByRole('status')).toContainText('Thank you');

  // A second vote from the same visitor replaces the first rather than adding one.
  const again = await page.request.post('/api/feedback', {
    data: { slug: 'site-admin-must-authorize-app', helpful: true },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(again.status()).toBe(200);
});

test('table of contents links to the headings of the article', async ({ page }) => {
  await page.goto(SEED);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const first = toc.getByRole('link').first();
  const href = await first.getAttribute('href');
  expect(href).toMatch(/^#/);
  await expect(page.locator(`[id="${href!.slice(1)}"]`)).toBeVisible();
});

test('browse by product filters the article list', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('region', { name: 'Browse by product' })
    .getByRole('link', { name: 'Confluence' })
    .click();
  await expect(page).toHaveURL(/\/articles\?product=confluence$/);
  await expect(page.getByRole('link', { name: 'Confluence', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('an unknown article is a not-found page', async ({ page }) => {
  const response = await page.goto('/articles/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

for (const [name, path] of [
  ['home page', '/'],
  ['article page', SEED],
  ['article list', '/articles'],
] as const) {
  test(`${name} has no accessibility violations (light and dark)`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolationsInBothSchemes(page);
  });
}

test('the layout holds at 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(SEED);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});

test('the header knows who is signed in from the first byte, and a signed-out reader fetches no session', async ({
  page,
  request,
}) => {
  // Signed out: an article asks nothing about sessions or notifications.
  const asked: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/(auth\/session|notifications)/.test(r.url())) asked.push(r.url());
  });
  await page.goto(SEED);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toHaveAttribute(
    'href',
    `/signin?callbackUrl=${encodeURIComponent(SEED)}`,
  );
  await page.waitForLoadState('networkidle');
  expect(asked).toEqual([]);

  // Signed in: the server's HTML already names the person and offers "Sign out" (no flash of "Sign in").
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(SEED)}`);
  await page.getByRole('button', { name: /Sign in as Nora User/ }).click();
  await expect(page).toHaveURL(new RegExp(`${SEED}$`));
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const html = await (await request.get(SEED, { headers: { cookie } })).text();
  const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
  expect(header).toMatch(/Signed in as <\/span>Nora User/);
  expect(header).toContain('Sign out');
  expect(header).not.toContain('>Sign in<');
  await expect(page.getByRole('banner').getByRole('button', { name: /^Notifications/ })).toBeVisible();
  // Nora administers nothing: no way into the admin pages.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Admin' })).toHaveCount(0);
});

test('a site admin finds the admin console from the header of any page', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(SEED)}`);
  await page.getByRole('button', { name: /Sign in as Ada Admin/ }).click();
  await expect(page).toHaveURL(new RegExp(`${SEED}$`));
  await page
    .getByRole('banner')
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Admin' })
    .click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.context().close();
});
