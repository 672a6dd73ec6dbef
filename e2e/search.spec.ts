import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const SEED_ERROR =
  'Your site admin must authorize this app for the site acme.atlassian.net before the app can access your account.';

test('typing with a typo shows the right article in the dropdown, and Enter opens it', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('banner').getByRole('combobox');
  await box.click();
  await box.pressSequentially('user instaled apps', { delay: 30 });
  const list = page.getByRole('banner').getByRole('listbox');
  await expect(list.getByRole('option').first()).toContainText(/user-installed apps/i);
  await box.press('Enter');
  await expect(page).toHaveURL(/\/articles\/allow-or-block-user-installed-apps$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/user-installed apps/i);
});

test('Arrow keys move through results and Escape closes the dropdown', async ({ page }) => {
  await page.goto('/articles');
  const box = page.getByRole('banner').getByRole('combobox');
  await box.fill('revoke');
  const options = page.getByRole('banner').getByRole('option');
  // Wait for the articles themselves, not the "See all results" row shown while they load.
  await expect(options.first()).toHaveAttribute('data-value', /revoke/);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await box.press('Escape');
  await expect(page.getByRole('banner').getByRole('listbox')).toHaveCount(0);
});

test('a pasted error is recognised and its button opens the troubleshooter with the site filled in', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('search').getByRole('searchbox').fill(`Timesheets Pro says: "${SEED_ERROR}"`);
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  const card = page.getByRole('region', { name: /Fix the 'Your site admin must authorize this app' error/ });
  await expect(card).toContainText('Recognised error');
  await expect(card).toContainText('acme.atlassian.net');
  await card.getByRole('link', { name: 'Fix it for acme.atlassian.net' }).click();
  await expect(page).toHaveURL(/\/troubleshoot\/authorize-app\?site=acme\.atlassian\.net$/);
  await expect(page.getByText('acme.atlassian.net').first()).toBeVisible();
});

test('Ctrl+K opens the search palette from an article page', async ({ page }) => {
  await page.goto('/articles/find-your-site-admins');
  await page.locator('body').press('Control+k');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox').fill('pre approve apps');
  await expect(dialog.getByRole('option').first()).toContainText(/pre-approv/i);
  await dialog.getByRole('combobox').press('Enter');
  await expect(page).toHaveURL(/\/articles\/pre-approve-apps$/);
});

test('the search page keeps its state in the URL and filters by facet', async ({ page }) => {
  await page.goto('/search?q=admin');
  await expect(page.getByRole('status')).toContainText('for “admin”');
  await page
    .getByRole('navigation', { name: 'Filter by product' })
    .getByRole('link', { name: /Confluence/ })
    .click();
  await expect(page).toHaveURL(/\/search\?q=admin&product=confluence$/);
  await expect(
    page.getByRole('navigation', { name: 'Filter by product' }).getByRole('link', { name: /Confluence/ }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('main mark').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search the help center' }).last()).toHaveValue('admin');
});

test('no results offers suggested articles and the troubleshooter', async ({ page }) => {
  await page.goto('/search?q=zzqxv+kwyjibo');
  await expect(page.getByRole('status')).toContainText('No articles match');
  await expect(page.getByRole('link', { name: 'Start the troubleshooter' }).last()).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Suggested articles' }).getByRole('link').first(),
  ).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('a repeated parameter counts with its first value, never a server error', async ({ page }) => {
  const response = await page.goto('/search?q=admin&q=revoke&product=confluence&product=jira');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('status')).toContainText('for “admin”');
  await expect(
    page.getByRole('navigation', { name: 'Filter by product' }).getByRole('link', { name: /Confluence/ }),
  ).toHaveAttribute('aria-current', 'page');
});

test('the results page reports the search once, by a same-origin POST; picking a result from the box reports it too', async ({
  page,
}) => {
  const reports: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/search/events')) reports.push(request.postDataJSON());
  });
  const reported = page.waitForResponse((r) => r.url().endsWith('/api/search/events'));
  await page.goto('/search?q=revoke+access&product=jira');
  expect((await reported).status()).toBe(202);
  expect(reports).toEqual([{ kind: 'search', q: 'revoke access', product: 'jira' }]);
  // No GET the page makes writes the log: the search box's suggestions are GETs and report nothing.
  const box = page.getByRole('banner').getByRole('combobox');
  await box.click();
  await box.pressSequentially('user instaled apps', { delay: 30 });
  await expect(page.getByRole('banner').getByRole('listbox').getByRole('option').first()).toContainText(
    /user-installed apps/i,
  );
  expect(reports).toHaveLength(1);
  const picked = page.waitForResponse((r) => r.url().endsWith('/api/search/events'));
  const opened = page.waitForResponse(
    (r) => r.url().endsWith('/api/search/events') && r.request().postDataJSON()?.kind === 'open',
  );
  await box.press('Enter');
  expect((await picked).status()).toBe(202);
  expect((await opened).status()).toBe(202);
  expect(reports.slice(1)).toEqual([
    { kind: 'search', q: 'user instaled apps' },
    { kind: 'open', q: 'user instaled apps', slug: 'allow-or-block-user-installed-apps' },
  ]);
});

test('opening a result from the results page reports it, and the vote on the article follows it', async ({
  page,
}) => {
  await page.goto('/search?q=how+do+I+revoke+an+app');
  const opened = page.waitForResponse(
    (r) => r.url().endsWith('/api/search/events') && r.request().postDataJSON()?.kind === 'open',
  );
  await page
    .getByRole('main')
    .getByRole('link', { name: /revoke or uninstall an app/i })
    .first()
    .click();
  const response = await opened;
  expect(response.status()).toBe(202);
  expect(response.request().postDataJSON()).toEqual({
    kind: 'open',
    q: 'how do I revoke an app',
    slug: 'revoke-an-app',
  });
  await expect(page).toHaveURL(/\/articles\/revoke-an-app$/);
  // The same anonymous cookie carries the vote, so it counts for the search it followed.
  const voted = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
  await page.getByRole('button', { name: 'Yes' }).click();
  expect((await voted).status()).toBe(201);
  const cookies = await page.context().cookies();
  expect(cookies.filter((cookie) => cookie.name === 'gl_vid')).toHaveLength(1);
});
