import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolationsInBothSchemes } from './support/axe';

// /admin/insights on the demo seed plus 30 days of demo activity (scripts/run-e2e.mjs seeds it
// with `npm run db:seed -- --demo-activity` before the server opens the database).

const INSIGHTS = '/admin/insights';
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
const signedIn = new Map<string, StorageState>();

// Signed in through the demo sign-in page once per person; later contexts reuse the cookies.
async function pageAs(browser: Browser, name: string): Promise<Page> {
  let state = signedIn.get(name);
  if (!state) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('button', { name: new RegExp(`Sign in as ${name}`) }).click();
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
    state = await context.storageState();
    signedIn.set(name, state);
    await context.close();
  }
  return (await browser.newContext({ storageState: state })).newPage();
}

const panel = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

async function tableRows(page: Page, title: string): Promise<string[][]> {
  const region = panel(page, title);
  const details = region.locator('details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await region.getByText('Show table').click();
  }
  const table = region.getByRole('table', { name: title });
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

test('Ada sees charts of the demo activity, each with a table of the same numbers and a CSV', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'Ada Admin');
  await page.goto(INSIGHTS);
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'page');

  // Every chart draws an SVG once its island has mounted.
  const charts = page.locator('[data-insights-chart]');
  expect(await charts.count()).toBeGreaterThanOrEqual(7);
  for (const chart of await charts.all())
    await expect(chart.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();

  // The chart's labels, the table and the CSV export agree on the top searches.
  const rows = await tableRows(page, 'Top searches');
  expect(rows.length).toBeGreaterThan(3);
  expect(rows[0]![0]).toBe('your site admin must authorize this app');
  // The category axis of the chart names the same queries in the same order (numbers are the other
  // axis). Long labels wrap onto several lines, so spaces are left out of the comparison.
  const tickTexts = panel(page, 'Top searches').locator('text.recharts-cartesian-axis-tick-value');
  const squash = (text: string) => text.replace(/\s+/g, '');
  const shortened = rows.map((row) => squash(row[0]!.length > 30 ? `${row[0]!.slice(0, 29)}…` : row[0]!));
  await expect
    .poll(async () => (await tickTexts.allTextContents()).filter((text) => !/^\d+$/.test(text)).map(squash))
    .toEqual(shortened);
  const csvLink = panel(page, 'Top searches').getByRole('link', { name: /Download CSV/ });
  const csv = await page.request.get((await csvLink.getAttribute('href'))!);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.headers()['content-disposition']).toMatch(
    /^attachment; filename="greenlight-top-searches-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv"$/,
  );
  const csvRows = (await csv.text())
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','));
  expect(csvRows).toEqual(rows);

  // Headline figures match the tables: searches = the sum of the per-day table.
  const perDay = await tableRows(page, 'Searches per day');
  const total = perDay.reduce((sum, row) => sum + Number(row[1]), 0);
  const searchesCard = page.locator('dl > div').filter({ has: page.getByText('Searches', { exact: true }) });
  await expect(searchesCard.locator('dd').first()).toHaveText(total.toLocaleString('en'));

  // The funnel ends in every way in the demo activity.
  const endings = Object.fromEntries(
    (await tableRows(page, 'Get an app authorized for your site: how visits end')).map((row) => [
      row[1],
      Number(row[2]),
    ]),
  );
  for (const ending of ['resolved', 'requested', 'escalated', 'abandoned'])
    expect(endings[ending]).toBeGreaterThan(0);
  await expect(page.getByText('Median time to a decision')).toBeVisible();
});

test('the date range lives in the URL: presets, a custom range, and a bad one falls back', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'Ada Admin');
  await page.goto(INSIGHTS);
  await page.getByRole('link', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/\/admin\/insights\?range=7d$/);
  expect(await tableRows(page, 'Searches per day')).toHaveLength(7);

  await page.getByLabel('From', { exact: true }).fill('2025-01-01');
  await page.getByLabel('To', { exact: true }).fill('2025-01-03');
  await page.getByRole('button', { name: 'Show custom range' }).click();
  await expect(page).toHaveURL(/range=custom&from=2025-01-01&to=2025-01-03/);
  // Days read as the reader's locale writes them (English here).
  expect((await tableRows(page, 'Searches per day')).map((row) => row[0])).toEqual([
    'Jan 1, 2025',
    'Jan 2, 2025',
    'Jan 3, 2025',
  ]);

  await page.goto(`${INSIGHTS}?range=custom&from=2025-02-10&to=2025-02-01`);
  await expect(page.getByRole('alert').filter({ hasText: 'That date range does not work' })).toContainText(
    'Showing the last 30 days',
  );
});

test('insights are not found for Sam (site admin only), Nora and signed-out visitors', async ({
  browser,
}) => {
  for (const name of ['Sam Sandbox', 'Nora User']) {
    const page = await pageAs(browser, name);
    const response = await page.goto(INSIGHTS);
    expect(response?.status()).toBe(404);
    const csv = await page.request.get('/api/insights/export?dataset=top-searches');
    expect(csv.status()).toBe(404);
  }
  const anonymous = await (await browser.newContext()).newPage();
  expect((await anonymous.goto(INSIGHTS))?.status()).toBe(404);
});

test('insights has no accessibility violations (light and dark)', async ({ browser }) => {
  const page = await pageAs(browser, 'Ada Admin');
  await page.goto(INSIGHTS);
  await expect(page.locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible();
  await page
    .locator('details')
    .evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
  await expectNoAxeViolationsInBothSchemes(page);
});
