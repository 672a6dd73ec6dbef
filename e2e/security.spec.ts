import { expect, test, type Page } from '@playwright/test';
import { postWithRotatingForwardedFor, sendFrom } from './support/send-from';

// Security headers and the Content-Security-Policy, in a real browser against the production
// build: every kind of response carries the headers, pages hydrate under their policy (a nonce, or
// the prerendered pages' script hashes: e2e/prerendered.spec.ts) with no violation reported, identity headers from the client change nothing, and sign-in never
// redirects off-site.

const ARTICLE = '/articles/site-admin-must-authorize-app';
const WIZARD = '/troubleshoot/authorize-app?site=acme.atlassian.net&app=app-docuflow';

/** Collects CSP violations the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

function expectSecurityHeaders(headers: Record<string, string>, kind: 'page' | 'prerendered' | 'resource') {
  expect(headers).toMatchObject(COMMON_HEADERS);
  expect(headers['permissions-policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  // `next start` is production: a year of HSTS, subdomains included.
  expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    expect(csp).toContain(directive);
  if (kind === 'page' || kind === 'prerendered') {
    expect(csp).toMatch(
      kind === 'page'
        ? /script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/
        : /script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+(;|$)/,
    );
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  } else {
    expect(csp).toContain("default-src 'none'");
  }
}

test('pages, API answers, static files and not-found pages all carry the security headers', async ({
  page,
  request,
}) => {
  // The home page is prerendered for a signed-out reader; a search is rendered per request.
  expectSecurityHeaders((await request.get('/')).headers(), 'prerendered');
  const search = await page.goto('/search?q=apps');
  expectSecurityHeaders(await search!.allHeaders(), 'page');
  const scripts = await page
    .locator('script')
    .evaluateAll((nodes) =>
      nodes.map((node) => ({ src: node.getAttribute('src'), nonce: (node as HTMLScriptElement).nonce })),
    );
  expect(scripts.length).toBeGreaterThan(0);
  expect(
    scripts.filter((script) => !script.nonce),
    'every script carries the nonce',
  ).toEqual([]);

  const staticFile = scripts.find((script) => script.src?.startsWith('/_next/static/'))!.src!;
  expectSecurityHeaders((await request.get(staticFile)).headers(), 'resource');
  expectSecurityHeaders((await request.get('/api/health')).headers(), 'resource');
  expectSecurityHeaders((await request.get('/api/me')).headers(), 'resource');
  const missing = await request.get('/articles/no-such-article');
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing.headers(), 'page');

  // A fresh nonce for every response.
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
  const first = nonceOf((await request.get('/search?q=apps')).headers()['content-security-policy']);
  const second = nonceOf((await request.get('/search?q=apps')).headers()['content-security-policy']);
  expect(first).toBeTruthy();
  expect(second).not.toBe(first);
});

test('the search dropdown hydrates under the policy, with no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/');
  const box = page.getByRole('banner').getByRole('combobox');
  // The dropdown's code loads on focus (a script chunk added at run time, from 'self').
  await box.click();
  await box.pressSequentially('authorize app', { delay: 30 });
  await expect(page.getByRole('banner').getByRole('listbox').getByRole('option').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('the feedback widget hydrates on an article, with no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(ARTICLE);
  const feedback = page.getByRole('region', { name: 'Was this helpful?' });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/feedback') && r.request().method() === 'POST'),
    feedback.getByRole('button', { name: 'Yes' }).click(),
  ]);
  expect(response.status()).toBeLessThan(300);
  await expect(feedback.getByRole('status')).toBeVisible();
  expect(violations).toEqual([]);
});

test('the troubleshooter hydrates (its funnel events are sent), with no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  const events = page.waitForRequest((r) => r.url().endsWith('/api/flows/events') && r.method() === 'POST', {
    timeout: 15_000,
  });
  await page.goto(WIZARD);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The tracker (a client component) batches "step shown" and sends it within a few seconds.
  expect((await (await events).response())?.status()).toBe(201);
  await page.goto('/search?q=connected+apps');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/signin');
  await expect(page.getByRole('button', { name: /Sign in as Nora User/ })).toBeVisible();
  expect(violations).toEqual([]);
});

test('spoofed identity headers change nothing on the real server', async ({ request }) => {
  const spoofed = {
    'x-user-id': 'user-ada',
    'x-forwarded-user': 'ada@acme.test',
    // CVE-2025-29927: this header once made Next.js skip middleware entirely.
    'x-middleware-subrequest':
      'proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware',
  };
  const me = await request.get('/api/me', { headers: spoofed });
  expect(me.status()).toBe(401);
  expect(await me.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  // Nothing was skipped: the router's headers and the proxy's page policy are still there.
  expectSecurityHeaders(me.headers(), 'resource');
  expectSecurityHeaders((await request.get(ARTICLE, { headers: spoofed })).headers(), 'prerendered');
  expectSecurityHeaders((await request.get(WIZARD, { headers: spoofed })).headers(), 'page');
});

for (const target of ['https://evil.example/steal', '//evil.example/steal', '/\\evil.example/steal']) {
  test(`sign-in with callbackUrl=${target} stays on Greenlight`, async ({ page, baseURL }) => {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByRole('button', { name: /Sign in as Nora User/ }).click();
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test("next-auth's routes answer hostile input without a server error", async ({ request }) => {
  const paths = [
    '/api/auth/signin?callbackUrl=javascript:alert(1)',
    '/api/auth/signin/__proto__',
    '/api/auth/callback/demo?callbackUrl=%2F%2Fevil.example',
    '/api/auth/session?__proto__[polluted]=1',
    '/api/auth/providers',
    '/api/auth/csrf',
    `/api/auth/${'x'.repeat(5_000)}`,
    '/api/auth/%F0%9F%91%A9%E2%80%8D%F0%9F%91%A9',
    '/api/auth/error?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
  const origin = new URL((await request.get('/api/auth/csrf')).url()).origin;
  for (const data of [
    '{"email":{"__proto__":{"polluted":1}}}',
    'email=%00&callbackUrl=https://evil.example',
    'x'.repeat(70_000),
  ]) {
    const response = await request.post('/api/auth/callback/demo', {
      data,
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      maxRedirects: 0,
    });
    expect(response.status(), data.slice(0, 40)).toBeLessThan(500);
    expect(response.headers().location ?? '/').not.toMatch(/^(https?:)?\/\/evil/);
  }
});

test('rate limits count the socket address: rotating X-Forwarded-For still gets 429s', async ({
  baseURL,
}) => {
  // From 127.0.0.2, so the limit this exhausts is not the one the browser journeys use.
  const feedback = { slug: 'site-admin-must-authorize-app', helpful: true };
  const statuses = await postWithRotatingForwardedFor(baseURL!, '127.0.0.2', '/api/feedback', feedback);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  expect(statuses.slice(0, 20).every((status) => status < 300)).toBe(true);
  expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
  // Another socket address is another client, with its own allowance.
  const other = await sendFrom('127.0.0.3', `${baseURL}/api/feedback`, {
    method: 'POST',
    headers: { origin: baseURL!, 'content-type': 'application/json' },
    body: JSON.stringify(feedback),
  });
  expect(other.status).toBeLessThan(300);
});
