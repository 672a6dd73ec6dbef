import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolationsInBothSchemes } from './support/axe';
import { demoURL } from './support/servers';

// Journeys through the authorize-app troubleshooter on the demo seed. The tests share one
// database, so each one that changes an app's state first puts it back (through the API, as the
// site admin) and they use different app/site pairs where they can.

const WIZARD = '/troubleshoot/authorize-app';
const wizard = (params: Record<string, string>) => `${WIZARD}?${new URLSearchParams(params)}`;
const ERROR_TEXT =
  'Your site admin must authorize this app for the site acme.atlassian.net before the app can access your account.';

const PEOPLE = {
  ada: { email: 'ada@acme.test', name: 'Ada Admin' },
  nora: { email: 'nora@acme.test', name: 'Nora User' },
  gus: { email: 'gus@globex.test', name: 'Gus Globex' },
} as const;
type Person = keyof typeof PEOPLE;
type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

// Signed in through /signin once per person per worker; later contexts reuse the cookies.
const storage = new Map<Person, StorageState>();

async function contextFor(browser: Browser, person: Person): Promise<BrowserContext> {
  let state = storage.get(person);
  if (!state) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('button', { name: new RegExp(`Sign in as ${PEOPLE[person].name}`) }).click();
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
    state = await context.storageState();
    storage.set(person, state);
    await context.close();
  }
  return browser.newContext({ storageState: state });
}

async function pageFor(browser: Browser, person: Person): Promise<Page> {
  return (await contextFor(browser, person)).newPage();
}

/** As a site admin, withdraws an app's authorization so a journey starts from "not authorized". */
async function withdrawAuthorization(admin: BrowserContext, siteId: string, appId: string) {
  const response = await admin.request.delete(`/api/sites/${siteId}/apps/${appId}/authorization`, {
    headers: { origin: demoURL },
  });
  expect(response.status()).toBe(200);
}

/**
 * As a site admin, authorizes the app (which approves every open request for it, whoever made them
 * in earlier specs) and withdraws it again: nobody has an open request and the app is not authorized.
 */
async function startFromScratch(admin: BrowserContext, siteId: string, appId: string) {
  const response = await admin.request.put(`/api/sites/${siteId}/apps/${appId}/authorization`, {
    headers: { origin: demoURL },
    data: {},
  });
  expect(response.status()).toBe(200);
  await withdrawAuthorization(admin, siteId, appId);
}

const stepHeading = (page: Page) => page.getByRole('heading', { level: 2 }).first();

/** Presses Tab until `target` has focus (keyboard only), failing after a bounded number of presses. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 60; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the element');
}

test('Nora requests DocuFlow on acme and sees it approved without reloading when Ada authorizes it', async ({
  browser,
}) => {
  const ada = await pageFor(browser, 'ada');
  await startFromScratch(ada.context(), 'site-acme', 'app-docuflow');

  const nora = await pageFor(browser, 'nora');
  await nora.goto(wizard({ site: 'acme.atlassian.net', app: 'DocuFlow', error: ERROR_TEXT }));
  await expect(stepHeading(nora)).toHaveText('Ask a site admin of acme.atlassian.net to authorize DocuFlow');
  // Signed in, the wizard asks nothing the directory can answer.
  await expect(nora.getByText('Are you a site admin')).toHaveCount(0);
  const admins = nora.getByRole('region', { name: 'Site admins who can authorize DocuFlow' });
  await expect(admins.getByRole('listitem').filter({ hasText: 'Ada Admin' })).toContainText('ada@acme.test');
  const message = nora.getByRole('textbox', { name: /Your message/ });
  await expect(message).toHaveValue(/authorize DocuFlow for acme\.atlassian\.net/);
  await expect(message).toHaveValue(new RegExp(ERROR_TEXT.replace(/\./g, '\\.')));
  await expect(nora.getByRole('button', { name: 'Copy message' })).toBeVisible();

  await nora.getByRole('button', { name: 'Request access' }).click();
  const status = nora.getByRole('region', { name: 'Request status' });
  await expect(status).toContainText('Waiting for a site admin to decide on DocuFlow');

  // Coming back shows the open request instead of offering a second one.
  await nora.reload();
  await expect(stepHeading(nora)).toHaveText('Your request for DocuFlow on acme.atlassian.net');
  await expect(status).toContainText('Waiting for a site admin to decide on DocuFlow');
  await expect(nora.getByRole('button', { name: 'Request access' })).toHaveCount(0);
  await nora.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  await ada.goto(wizard({ site: 'acme.atlassian.net', app: 'app-docuflow' }));
  await expect(stepHeading(ada)).toHaveText('Authorize DocuFlow for acme.atlassian.net');
  await ada.getByRole('button', { name: 'Authorize in Greenlight' }).click();
  await expect(ada.getByRole('region', { name: 'Live check' }).getByRole('status')).toHaveText(
    'DocuFlow is authorized on acme.atlassian.net.',
  );

  await expect(status.getByRole('status')).toContainText('Approved by Ada Admin: DocuFlow is authorized', {
    timeout: 15_000,
  });
  expect(await nora.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await status.getByRole('link', { name: 'Continue' }).click();
  await expect(stepHeading(nora)).toHaveText('DocuFlow is approved for acme.atlassian.net');

  // A second visit finds the app authorized and says so at once.
  await nora.goto(wizard({ site: 'acme.atlassian.net', app: 'DocuFlow' }));
  await expect(stepHeading(nora)).toHaveText('DocuFlow is authorized on acme.atlassian.net: try again');

  // Once the authorization is withdrawn, the old approval is history: Nora can ask again.
  await withdrawAuthorization(ada.context(), 'site-acme', 'app-docuflow');
  await nora.reload();
  await expect(stepHeading(nora)).toHaveText('Ask a site admin of acme.atlassian.net to authorize DocuFlow');
  await expect(nora.getByRole('button', { name: 'Request access' })).toBeVisible();
  await expect(nora.getByText('is authorized. Connect it again')).toHaveCount(0);
  await ada.context().close();
  await nora.context().close();
});

test('Ada authorizes DocuFlow on acme-sandbox with the guided steps and the live check turns green', async ({
  browser,
}) => {
  const ada = await pageFor(browser, 'ada');
  await startFromScratch(ada.context(), 'site-acme-sandbox', 'app-docuflow');
  await ada.goto(wizard({ site: 'acme-sandbox.atlassian.net', app: 'DocuFlow' }));

  await expect(stepHeading(ada)).toHaveText('Authorize DocuFlow for acme-sandbox.atlassian.net');
  await expect(
    ada.getByRole('link', { name: /Open Connected apps for acme-sandbox\.atlassian\.net/ }),
  ).toHaveAttribute('href', /^https:\/\/admin\.atlassian\.com\/s\/[0-9a-f-]{36}\/user-connected-apps/);
  await expect(
    ada
      .getByRole('region', { name: /Look for DocuFlow/ })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  await expect(ada.getByRole('link', { name: 'Allow or block user-installed apps' })).toBeVisible();

  const live = ada.getByRole('region', { name: 'Live check' });
  await expect(live.getByRole('status')).toContainText(
    'Waiting: DocuFlow is not authorized on acme-sandbox.atlassian.net yet',
  );
  await live.getByRole('button', { name: 'Authorize in Greenlight' }).click();
  await expect(live.getByRole('status')).toHaveText('DocuFlow is authorized on acme-sandbox.atlassian.net.');
  await expect(live.getByRole('button', { name: 'Authorize in Greenlight' })).toHaveCount(0);

  await ada.getByRole('link', { name: "It's authorized" }).click();
  await expect(stepHeading(ada)).toHaveText('DocuFlow is authorized for acme-sandbox.atlassian.net');
  await ada.context().close();
});

test('Gus, signed in with the wrong account, is told so and sees the sites he does have', async ({
  browser,
}) => {
  const gus = await pageFor(browser, 'gus');
  await gus.goto(wizard({ site: 'acme.atlassian.net', app: 'Roadmap Planner' }));
  await expect(stepHeading(gus)).toHaveText(
    'You are signed in as gus@globex.test, which has no access to acme.atlassian.net',
  );
  const sites = gus.getByRole('region', { name: 'Sites gus@globex.test has' });
  await expect(sites.getByRole('listitem')).toHaveCount(1);
  await expect(sites.getByRole('listitem')).toContainText('globex.atlassian.net (site admin)');
  await expect(sites.getByRole('link', { name: 'Switch account' })).toHaveAttribute(
    'href',
    /^\/signin\?callbackUrl=/,
  );
  await expect(gus.getByRole('link', { name: 'I used a different account' })).toBeVisible();
  await expect(gus.getByRole('link', { name: 'The site is wrong' })).toBeVisible();

  await sites.getByRole('link', { name: 'globex.atlassian.net' }).click();
  await expect(gus).toHaveURL(/site=globex\.atlassian\.net/);
  await expect(stepHeading(gus)).toHaveText('Roadmap Planner is already authorized on globex.atlassian.net');
  await gus.context().close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`an anonymous visitor reaches "contact your admin" by questions only${javaScriptEnabled ? '' : ' (no JavaScript)'}`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(wizard({ site: 'acme.atlassian.net', app: 'DocuFlow' }));
    await expect(stepHeading(page)).toHaveText('Are you a site admin of acme.atlassian.net?');
    await expect(page.getByText('Step 1 of about 3')).toBeVisible();

    await page.getByRole('link', { name: "No, I'm not an admin" }).click();
    await expect(stepHeading(page)).toHaveText('Do you know who your site admin is?');
    await expect(page.getByRole('textbox', { name: 'Message for your site admin' })).toHaveValue(
      /Site: acme\.atlassian\.net/,
    );

    await page.getByRole('link', { name: 'Yes, I know who to ask' }).click();
    await expect(stepHeading(page)).toHaveText('Send your site admin the message');
    await expect(page.getByText('Step 3: your answer')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Read more' }).getByRole('link').first()).toBeVisible();
    await context.close();
  });
}

test('a pasted error found by search lands in the wizard with the site filled in', async ({ page }) => {
  await page.goto(`/search?${new URLSearchParams({ q: `DocuFlow says: ${ERROR_TEXT}` })}`);
  const card = page.getByRole('region', { name: /authorize this app/ });
  await expect(card).toContainText('Recognised error');
  await card.getByRole('link', { name: 'Fix it for acme.atlassian.net' }).click();
  await expect(page).toHaveURL(/\/troubleshoot\/authorize-app\?/);
  await expect(page.getByRole('definition').first()).toHaveText('acme.atlassian.net');
  await expect(stepHeading(page)).toHaveText('Are you a site admin of acme.atlassian.net?');
});

test('the browser back button and a reload resume the same step', async ({ page }) => {
  await page.goto(wizard({ site: 'acme.atlassian.net', app: 'DocuFlow' }));
  await page.getByRole('link', { name: "I'm not sure" }).click();
  await expect(stepHeading(page)).toHaveText("Find out whether you're a site admin");
  await page.getByRole('link', { name: "I can't" }).click();
  await expect(stepHeading(page)).toHaveText('Do you know who your site admin is?');

  await page.reload();
  await expect(stepHeading(page)).toHaveText('Do you know who your site admin is?');
  await page.goBack();
  await expect(stepHeading(page)).toHaveText("Find out whether you're a site admin");
  await page.reload();
  await expect(stepHeading(page)).toHaveText("Find out whether you're a site admin");
  await page.goForward();
  await expect(stepHeading(page)).toHaveText('Do you know who your site admin is?');

  // The wizard's own Back and "Start over" do the same.
  await page.getByRole('navigation', { name: 'Troubleshooter' }).getByRole('link', { name: 'Back' }).click();
  await expect(stepHeading(page)).toHaveText("Find out whether you're a site admin");
  await page.getByRole('link', { name: 'Start over' }).click();
  await expect(stepHeading(page)).toHaveText('Are you a site admin of acme.atlassian.net?');
});

test('keyboard only: each new step takes focus on its heading', async ({ page }) => {
  await page.goto(wizard({ site: 'acme.atlassian.net', app: 'DocuFlow' }));
  await expect(stepHeading(page)).toHaveText('Are you a site admin of acme.atlassian.net?');

  await tabTo(page, page.getByRole('link', { name: "No, I'm not an admin" }));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page)).toHaveText('Do you know who your site admin is?');
  await expect(stepHeading(page)).toBeFocused();

  await tabTo(page, page.getByRole('link', { name: "No, I don't know who it is" }));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page)).toHaveText('Find out who your site admins are');
  await expect(stepHeading(page)).toBeFocused();

  await tabTo(
    page,
    page.getByRole('navigation', { name: 'Troubleshooter' }).getByRole('link', { name: 'Back' }),
  );
  await page.keyboard.press('Enter');
  await expect(stepHeading(page)).toHaveText('Do you know who your site admin is?');
  await expect(stepHeading(page)).toBeFocused();
});

// One page per step kind; the signed-in ones are read-only visits (nothing is clicked), from a
// known app state (`scratch`: see startFromScratch).
const STEP_KINDS: {
  kind: string;
  person?: Person;
  scratch?: [siteId: string, appId: string];
  url: string;
  heading: string;
  ready?: (page: Page) => Locator;
}[] = [
  {
    kind: 'question',
    url: wizard({ site: 'acme.atlassian.net', app: 'DocuFlow' }),
    heading: 'Are you a site admin of acme.atlassian.net?',
  },
  {
    kind: 'check fallback',
    person: 'nora',
    url: wizard({ site: 'acme.atlassian.net', app: 'NoSuchApp' }),
    heading: 'Do you know who your site admin is?',
  },
  {
    kind: 'steps',
    person: 'ada',
    scratch: ['site-acme-sandbox', 'app-roadmap'],
    url: wizard({ site: 'acme-sandbox.atlassian.net', app: 'Roadmap Planner' }),
    heading: 'Authorize Roadmap Planner for acme-sandbox.atlassian.net',
    ready: (page) => page.getByRole('region', { name: 'Live check' }),
  },
  {
    kind: 'action',
    person: 'nora',
    scratch: ['site-acme', 'app-roadmap'],
    url: wizard({ site: 'acme.atlassian.net', app: 'Roadmap Planner' }),
    heading: 'Ask a site admin of acme.atlassian.net to authorize Roadmap Planner',
    ready: (page) =>
      page
        .getByRole('region', { name: /Site admins who can authorize/ })
        .getByRole('listitem')
        .first(),
  },
  {
    kind: 'outcome',
    url: `${wizard({ site: 'acme.atlassian.net', app: 'DocuFlow' })}&path=ask-role,ask-know-admin,contact-admin`,
    heading: 'Send your site admin the message',
  },
];

for (const step of STEP_KINDS) {
  test(`axe finds no violations on a ${step.kind} step (light and dark)`, async ({ browser }) => {
    if (step.scratch) {
      const ada = await contextFor(browser, 'ada');
      await startFromScratch(ada, ...step.scratch);
      await ada.close();
    }
    const context = step.person ? await contextFor(browser, step.person) : await browser.newContext();
    const page = await context.newPage();
    await page.goto(step.url);
    await expect(stepHeading(page)).toHaveText(step.heading);
    if (step.ready) await expect(step.ready(page)).toBeVisible();
    await expectNoAxeViolationsInBothSchemes(page);
    await context.close();
  });
}

test('Nora withdraws her open request and may ask again', async ({ browser }) => {
  const ada = await pageFor(browser, 'ada');
  // Another journey may have pre-approved it on acme, which would approve the request at once.
  const unlisted = await ada.context().request.delete('/api/sites/site-acme/pre-approved-apps/app-roadmap', {
    headers: { origin: demoURL },
  });
  expect(unlisted.ok()).toBe(true);
  await startFromScratch(ada.context(), 'site-acme', 'app-roadmap');
  const nora = await pageFor(browser, 'nora');
  await nora.goto(wizard({ site: 'acme.atlassian.net', app: 'Roadmap Planner' }));
  await nora.getByRole('button', { name: 'Request access' }).click();
  await expect(nora.getByRole('region', { name: 'Request status' })).toContainText(
    'Waiting for a site admin',
  );

  await nora.getByRole('button', { name: 'Withdraw request' }).click();
  await expect(nora.getByRole('button', { name: 'Request access' })).toBeVisible();
  await nora.reload();
  await expect(stepHeading(nora)).toHaveText(
    'Ask a site admin of acme.atlassian.net to authorize Roadmap Planner',
  );
  const mine = await nora.request.get('/api/access-requests?siteId=site-acme');
  const requests = ((await mine.json()) as { requests: Array<{ app: { id: string }; status: string }> })
    .requests;
  expect(requests.filter((r) => r.app.id === 'app-roadmap').map((r) => r.status)).toContain('withdrawn');
  expect(requests.filter((r) => r.app.id === 'app-roadmap' && r.status === 'open')).toHaveLength(0);
  await ada.context().close();
  await nora.context().close();
});
