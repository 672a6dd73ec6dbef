import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

// The admin console and insights in German and Japanese, for Ada (org admin of Acme) on the demo
// seed plus 30 days of demo activity (scripts/run-e2e.mjs).

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
let adaState: StorageState | undefined;

async function asAda(browser: Browser): Promise<Page> {
  if (!adaState) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('button', { name: /Sign in as Ada Admin/ }).click();
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
    adaState = await context.storageState();
    await context.close();
  }
  return (await browser.newContext({ storageState: adaState })).newPage();
}

// English words of the screens this spec visits; none may be left in the translated main content.
const ENGLISH = [
  'Admin console',
  'Pre-approved apps',
  'Audit log',
  'Apply filters',
  'All my sites',
  'Any action',
  'When (UTC)',
  'Insights',
  'At a glance',
  'Last 7 days',
  'Download CSV',
  'Show table',
  'Searches per day',
  'Nothing in this date range',
  'Troubleshooter',
  'Access requests',
];

const LOCALES = [
  {
    locale: 'de',
    console: 'Admin-Konsole',
    nav: ['Anfragen', 'Vorab genehmigte Apps', 'Audit-Log', 'Fallback-Routen', 'Organisation'],
    preApproved: {
      title: 'Vorab genehmigte Apps',
      select: 'App, die auf acme vorab genehmigt werden soll',
      add: 'Vorab genehmigen',
      added: 'Timesheets Pro ist auf acme vorab genehmigt.',
      remove: 'Timesheets Pro aus den vorab genehmigten Apps von acme entfernen',
      removed: 'Timesheets Pro ist auf acme nicht mehr vorab genehmigt.',
    },
    audit: {
      title: 'Audit-Log',
      filter: 'Audit-Log filtern',
      action: 'Aktion',
      preApproved: 'App vorab genehmigt',
      apply: 'Filter anwenden',
      when: 'Wann (UTC)',
    },
    // dateStyle medium, timeStyle short: "14.03.2026, 09:05"
    auditDate: /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/,
    insights: {
      title: 'Auswertungen',
      last7: 'Letzte 7 Tage',
      last30: 'Letzte 30 Tage',
      perDay: 'Suchen pro Tag',
      searches: 'Suchen',
    },
    day: /^\d{2}\.\d{2}\.\d{4}$/,
    // German groups thousands with a dot and has no decimal comma in a count.
    count: /^\d{1,3}(\.\d{3})*$/,
  },
  {
    locale: 'ja',
    console: '管理コンソール',
    nav: ['リクエスト', '事前承認済みアプリ', '監査ログ', 'フォールバック ルート', '組織'],
    preApproved: {
      title: '事前承認済みアプリ',
      select: 'acme で事前承認するアプリ',
      add: '事前承認する',
      added: 'Timesheets Pro を acme で事前承認しました。',
      remove: 'Timesheets Pro を acme の事前承認済みアプリから削除',
      removed: 'Timesheets Pro は acme で事前承認されなくなりました。',
    },
    audit: {
      title: '監査ログ',
      filter: '監査ログを絞り込む',
      action: '操作',
      preApproved: 'アプリを事前承認',
      apply: 'フィルターを適用',
      when: '日時 (UTC)',
    },
    auditDate: /^\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}$/,
    insights: {
      title: 'インサイト',
      last7: '過去 7 日間',
      last30: '過去 30 日間',
      perDay: '1 日あたりの検索',
      searches: '検索',
    },
    day: /^\d{4}\/\d{2}\/\d{2}$/,
    count: /^\d{1,3}(,\d{3})*$/,
  },
] as const;

async function expectNoEnglish(page: Page) {
  const text = await page.locator('main').innerText();
  expect(ENGLISH.filter((words) => text.includes(words))).toEqual([]);
}

async function perDayRows(page: Page, title: string): Promise<string[][]> {
  const region = page.getByRole('region', { name: title, exact: true });
  const details = region.locator('details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
    await region.locator('summary').click();
  const table = region.getByRole('table', { name: title });
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

for (const l of LOCALES) {
  test(`/${l.locale}/admin: the console, its pre-approved apps and audit log in ${l.locale}`, async ({
    browser,
  }) => {
    const ada = await asAda(browser);
    await ada.goto(`/${l.locale}/admin/pre-approved`);
    await expect(ada.locator('html')).toHaveAttribute('lang', l.locale);
    await expect(ada).toHaveTitle(new RegExp(`^${l.preApproved.title} · Greenlight`));
    await expect(ada.getByRole('heading', { level: 1, name: l.console })).toBeVisible();
    const nav = ada.getByRole('navigation', { name: l.console });
    await expect(nav.getByRole('link')).toHaveText([...l.nav]);
    await expect(nav.getByRole('link', { name: l.preApproved.title })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const acme = ada.getByRole('region', { name: 'acme', exact: true });
    await expect(acme.getByLabel(l.preApproved.select)).toBeVisible();
    await expect(acme.getByRole('button', { name: l.preApproved.add })).toBeVisible();
    await expectNoEnglish(ada);

    // Pre-approve an app and take it back: told in the language, and two entries for the audit log.
    await acme.getByLabel(l.preApproved.select).selectOption({ label: 'Timesheets Pro' });
    await acme.getByRole('button', { name: l.preApproved.add }).click();
    await expect(acme.getByRole('status')).toContainText(l.preApproved.added);
    await acme.getByRole('button', { name: l.preApproved.remove }).click();
    await expect(acme.getByRole('status')).toHaveText(l.preApproved.removed);

    // The nav keeps the language; the audit filter posts to the page in it.
    await nav.getByRole('link', { name: l.audit.title }).click();
    await expect(ada).toHaveURL(new RegExp(`/${l.locale}/admin/audit$`));
    await expect(ada).toHaveTitle(new RegExp(`^${l.audit.title} · Greenlight`));
    const form = ada.getByRole('form', { name: l.audit.filter });
    await form.getByLabel(l.audit.action).selectOption({ label: l.audit.preApproved });
    await form.getByRole('button', { name: l.audit.apply }).click();
    await expect(ada).toHaveURL(new RegExp(`/${l.locale}/admin/audit\\?.*action=app\\.pre_approved`));
    await expect(ada.locator('html')).toHaveAttribute('lang', l.locale);
    await expect(form.getByLabel(l.audit.action)).toHaveValue('app.pre_approved');
    await expect(ada.getByRole('row').filter({ hasText: l.audit.preApproved }).first()).toBeVisible();
    await expect(ada.getByRole('columnheader', { name: l.audit.when })).toBeVisible();
    const times = await ada.locator('tbody time').allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(l.auditDate);
    await expectNoEnglish(ada);
  });

  test(`/${l.locale}/admin/insights: figures, tables and the date range in ${l.locale}`, async ({
    browser,
  }) => {
    const ada = await asAda(browser);
    await ada.goto(`/${l.locale}/admin/insights`);
    await expect(ada).toHaveTitle(new RegExp(`^${l.insights.title} · Greenlight`));
    await expect(ada.getByRole('heading', { level: 1, name: l.insights.title })).toBeVisible();
    await expect(ada.getByRole('link', { name: l.insights.last30 })).toHaveAttribute('aria-current', 'page');
    const searchesCard = ada
      .locator('dl > div')
      .filter({ has: ada.getByText(l.insights.searches, { exact: true }) });
    await expect(searchesCard.locator('dd').first()).toHaveText(l.count);
    const month = await perDayRows(ada, l.insights.perDay);
    expect(month).toHaveLength(30);
    for (const row of month) expect(row[0]).toMatch(l.day);
    await expectNoEnglish(ada);

    await ada.getByRole('link', { name: l.insights.last7 }).click();
    await expect(ada).toHaveURL(new RegExp(`/${l.locale}/admin/insights\\?range=7d$`));
    await expect(ada.getByRole('link', { name: l.insights.last7 })).toHaveAttribute('aria-current', 'page');
    expect(await perDayRows(ada, l.insights.perDay)).toHaveLength(7);
  });
}

// One page of each language: the English console runs axe on every page (admin.spec.ts); here the
// words, their length and the lang attributes differ, not the markup.
for (const path of ['/de/admin/insights', '/ja/admin/pre-approved']) {
  test(`${path} has no accessibility violations`, async ({ browser }) => {
    const ada = await asAda(browser);
    await ada.goto(path);
    await expect(ada.locator('main h1')).toBeVisible();
    const results = await new AxeBuilder({ page: ada }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
}
