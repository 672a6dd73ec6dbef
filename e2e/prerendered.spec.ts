import { expect, test, type Page } from '@playwright/test';

// Pages prerendered at build time for signed-out readers (lib/http/prerendered.ts): served with a
// policy that lists their inline scripts' hashes, hydrated with no violation, in every language;
// anything that depends on the visitor (a session, a query) is rendered per request with a nonce.

const ARTICLE = '/articles/site-admin-must-authorize-app';
const HASH_POLICY = /script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+(;|$)/;
const NONCE_POLICY = /script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/;

function expectHashPolicy(csp: string | undefined) {
  expect(csp).toMatch(HASH_POLICY);
  expect(csp).not.toMatch(/script-src[^;]*('unsafe-|'nonce-|'strict-dynamic')/);
}

/** CSP violations the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

test('a signed-out article is the prerendered page under a hash policy, and hydrates with no violation', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const response = await page.goto(ARTICLE);
  expect(response!.status()).toBe(200);
  expectHashPolicy(response!.headers()['content-security-policy']);
  // Served from the build's render, not rendered for this request.
  expect(response!.headers()['x-nextjs-prerender'] ?? response!.headers()['x-nextjs-cache']).toBeTruthy();
  // Hydrated: the sign-in link learns the page's own address, which only the browser knows.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toHaveAttribute(
    'href',
    `/signin?callbackUrl=${encodeURIComponent(ARTICLE)}`,
  );
  const feedback = page.getByRole('region', { name: 'Was this helpful?' });
  await feedback.getByRole('button', { name: 'Yes' }).click();
  await expect(feedback.getByRole('status')).toBeVisible();
  // A client-side move to another prerendered page and to a per-request one stays inside the policy.
  await page.getByRole('banner').getByRole('link', { name: 'Deutsch' }).click();
  await expect(page).toHaveURL(new RegExp(`/de${ARTICLE}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(violations).toEqual([]);
});

test('English, German and Japanese pages, home and the first troubleshooter step are all prerendered', async ({
  request,
}) => {
  for (const path of [
    '/',
    '/de',
    '/ja',
    ARTICLE,
    `/de${ARTICLE}`,
    `/ja${ARTICLE}`,
    '/troubleshoot/authorize-app',
    '/de/troubleshoot/authorize-app',
  ]) {
    const response = await request.get(path, { headers: { cookie: 'GREENLIGHT_LOCALE=en' } });
    expect(response.status(), path).toBe(200);
    expectHashPolicy(response.headers()['content-security-policy']);
    const html = await response.text();
    // The internal route never shows in the page: its language links are the readers' addresses.
    expect(html, path).not.toMatch(/href="[^"]*prerendered/);
  }
  // The other languages' links, as on a page rendered per request (next-intl prefixes English when
  // switching to it, so that the language cookie follows the choice).
  const german = await (await request.get(`/de${ARTICLE}`)).text();
  expect(german).toContain('<html lang="de"');
  expect(german).toContain(`href="/en${ARTICLE}"`);
  expect(german).toContain(`href="/ja${ARTICLE}"`);
});

test('a first visit is still sent to the language the browser asks for', async ({ browser }) => {
  const context = await browser.newContext({
    locale: 'de-DE',
    extraHTTPHeaders: { 'accept-language': 'de' },
  });
  const page = await context.newPage();
  const response = await page.goto('/');
  expect(new URL(page.url()).pathname).toBe('/de');
  expectHashPolicy(response!.headers()['content-security-policy']);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await context.close();
});

test('what depends on the visitor is rendered per request with a nonce', async ({ request }) => {
  const wizardStep = await request.get('/troubleshoot/authorize-app?site=acme.atlassian.net');
  expect(wizardStep.headers()['content-security-policy']).toMatch(NONCE_POLICY);
  expect(await wizardStep.text()).toContain('acme.atlassian.net');
  const withQuery = await request.get(`${ARTICLE}?utm_source=x`);
  expect(withQuery.headers()['content-security-policy']).toMatch(NONCE_POLICY);
  // A visitor's own copy of the route header chooses nothing.
  const spoofed = await request.get('/search?q=apps', { headers: { 'x-greenlight-prerendered': '1' } });
  expect(spoofed.status()).toBe(200);
  expect(spoofed.headers()['content-security-policy']).toMatch(NONCE_POLICY);
});

test('a signed-in reader gets the page rendered for them, their name in the header', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(ARTICLE)}`);
  await page.getByRole('button', { name: /Sign in as Nora User/ }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
  const response = await page.reload();
  expect(response!.headers()['content-security-policy']).toMatch(NONCE_POLICY);
  // In the server's HTML already, so nothing moves when the page hydrates.
  const html = await response!.text();
  const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
  expect(header).toMatch(/Signed in as <\/span>Nora User/);
  await expect(page.getByRole('banner')).toContainText('Nora User');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(violations).toEqual([]);
});
