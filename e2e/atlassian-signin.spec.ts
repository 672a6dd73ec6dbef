import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { atlassianURL, contractURL } from './support/servers';

// The Atlassian sign-in, end to end: a second `next start` of the same build, configured with
// ATLASSIAN_CLIENT_ID/SECRET and ATLASSIAN_AUTH_URL/API_URL pointing at the local contract server
// (both started by playwright.config.ts). Every test signs in a person of its own, created on the
// contract server, so Greenlight's per-user directory cache never hides an upstream call.

test.use({ baseURL: atlassianURL });

const CLOUD = {
  acme: '0f9a3c1e-5b7d-4e2a-9c8f-1a2b3c4d5e01',
  globex: '7c6d5e4f-3a2b-4c1d-8e9f-0a1b2c3d4e03',
} as const;

interface Membership {
  cloudId: string;
  jiraAdmin?: boolean;
  confluenceAdmin?: boolean;
}
interface RecordedRequest {
  method: string;
  path: string;
  grantType?: string;
}

async function control(
  request: APIRequestContext,
  path: string,
  body?: unknown,
  method: 'POST' | 'DELETE' = 'POST',
) {
  const response = await request.fetch(`${contractURL}/__control/${path}`, {
    method,
    ...(body !== undefined ? { data: body } : {}),
  });
  expect(response.ok(), `contract control ${method} ${path}`).toBe(true);
}

async function upstreamRequests(request: APIRequestContext): Promise<RecordedRequest[]> {
  return (await request.get(`${contractURL}/__control/requests`)).json() as Promise<RecordedRequest[]>;
}

/** A contract user nobody has signed in as yet; Atlassian's answer is the only source of their roles. */
async function newAtlassianUser(request: APIRequestContext, label: string, sites: Membership[]) {
  const id = `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const user = {
    accountId: `712020:${id}`,
    email: `${id}@acme.test`,
    name: `Tess ${label}`,
    nickname: id,
    sites,
  };
  await control(request, 'users', user);
  await control(request, 'authorize', { user: user.accountId });
  return user;
}

/**
 * Through Greenlight's sign-in page, Atlassian's /authorize and next-auth's callback, and back to
 * `landing`. Pages with the header poll signed-in routes (notifications), and each of those syncs
 * the directory, which is then cached for a minute: tests that need the next Atlassian call to be
 * their own land on, and wait on, a page without the header (/api/health).
 */
async function signInWithAtlassian(page: Page, name: string, landing: '/' | '/api/health' = '/api/health') {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(landing)}`);
  await page.getByRole('button', { name: 'Sign in with Atlassian' }).click();
  await expect(page).toHaveURL(`${atlassianURL}${landing}`);
  if (landing === '/') {
    await expect(page.getByRole('banner')).toContainText(name);
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
  } else {
    expect(await (await page.request.get('/api/auth/session')).json()).toMatchObject({ user: { name } });
  }
}

const WIZARD_ACME_DOCUFLOW = '/troubleshoot/authorize-app?site=acme.atlassian.net&app=DocuFlow';
const quiet = (page: Page) => page.goto('/api/health');

test.beforeEach(async ({ request }) => {
  await control(request, 'faults', undefined, 'DELETE');
});

test('signing in with Atlassian lets /api/me answer with the sites and roles Atlassian reports', async ({
  page,
  request,
}) => {
  const user = await newAtlassianUser(request, 'rita', [
    { cloudId: CLOUD.acme, jiraAdmin: true },
    { cloudId: CLOUD.globex },
  ]);
  await signInWithAtlassian(page, user.name, '/');

  const signIn = await upstreamRequests(request);
  expect(signIn.some((r) => r.path === '/authorize')).toBe(true);
  expect(signIn.some((r) => r.path === '/oauth/token' && r.grantType === 'authorization_code')).toBe(true);

  // The browser's session has the person and never a token.
  const session = await page.request.get('/api/auth/session');
  const sessionText = await session.text();
  expect(JSON.parse(sessionText)).toMatchObject({ user: { email: user.email, name: user.name } });
  expect(sessionText).not.toMatch(/"(at|rt)_|access_?token|refresh_?token/i);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'next-auth.session-token')).toMatchObject({
    httpOnly: true,
    sameSite: 'Lax',
  });

  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(200);
  const body = (await me.json()) as {
    user: { email: string };
    sites: { url: string; role: string; products: string[] }[];
  };
  expect(body.user.email).toBe(user.email);
  expect(body.sites.map(({ url, role }) => ({ url, role }))).toEqual([
    // A Jira admin: 3LO shows the product permission, never site admin (asked in the wizard).
    { url: 'https://acme.atlassian.net', role: 'product-admin' },
    { url: 'https://globex.atlassian.net', role: 'user' },
  ]);
  const after = await upstreamRequests(request);
  expect(after.some((r) => r.path === '/oauth/token/accessible-resources')).toBe(true);
  expect(after.some((r) => r.path === `/ex/jira/${CLOUD.acme}/rest/api/3/mypermissions`)).toBe(true);

  // The troubleshooter knows the same: a Jira admin of acme is asked before the admin steps
  // (e2e/guidance.spec.ts follows both answers).
  await page.goto(WIZARD_ACME_DOCUFLOW);
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
    'Are you a site admin or org admin of acme.atlassian.net?',
  );
});

test('Atlassian failures give a mapped status and a clear message, and the troubleshooter asks instead, saying why', async ({
  page,
  request,
}) => {
  test.slow(); // the slow mode waits out the 5 s timeout on every attempt
  const user = await newAtlassianUser(request, 'fay', [{ cloudId: CLOUD.acme }]);
  await signInWithAtlassian(page, user.name);
  const SITES = '/oauth/token/accessible-resources';
  // Faults are switched while the page is quiet, so no background call slips between them.
  const fault = async (spec: object) => {
    await quiet(page);
    await control(request, 'faults', undefined, 'DELETE');
    await control(request, 'faults', { path: SITES, ...spec });
  };

  await fault({ kind: 'server-error' });
  await page.goto(WIZARD_ACME_DOCUFLOW);
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
    'Are you a site admin of acme.atlassian.net?',
  );
  await expect(
    page.getByText(
      'Greenlight couldn’t check this for you (Greenlight could not reach Atlassian just now), so it asks instead.',
    ),
  ).toBeVisible();
  const server = await page.request.get('/api/me');
  expect(server.status()).toBe(502);
  expect(await server.json()).toEqual({
    error: {
      code: 'atlassian_unavailable',
      message: expect.stringMatching(
        /Atlassian answered with an error \(500\) while reading .+\. Try again in a moment\./,
      ),
    },
  });

  await fault({ kind: 'rate-limited', retryAfterSeconds: 30 });
  const limited = await page.request.get('/api/me');
  expect(limited.status()).toBe(503);
  expect(limited.headers()['retry-after']).toBe('30');
  expect(await limited.json()).toEqual({
    error: {
      code: 'atlassian_rate_limited',
      message: expect.stringMatching(/Atlassian is rate limiting requests .+ Try again in 30 s\./),
    },
  });
  await page.goto(WIZARD_ACME_DOCUFLOW);
  await expect(
    page.getByText(
      /couldn’t check this for you \(Atlassian is limiting how often Greenlight may ask; try again in 30 s\)/,
    ),
  ).toBeVisible();

  await fault({ kind: 'slow' });
  const slow = await page.request.get('/api/me');
  expect(slow.status()).toBe(504);
  expect(await slow.json()).toEqual({
    error: {
      code: 'atlassian_timeout',
      message: expect.stringMatching(
        /Atlassian did not answer within 5 s while reading .+\. Try again in a moment\./,
      ),
    },
  });

  // Once Atlassian answers again, so does everything else.
  await control(request, 'faults', undefined, 'DELETE');
  await page.goto(WIZARD_ACME_DOCUFLOW);
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
    'Ask a site admin of acme.atlassian.net to authorize DocuFlow',
  );
  expect((await page.request.get('/api/me')).status()).toBe(200);
});

test('an access token Atlassian stops accepting is refreshed with the rotated refresh token, and the session keeps working', async ({
  page,
  request,
}) => {
  const user = await newAtlassianUser(request, 'rob', [{ cloudId: CLOUD.acme }]);
  await signInWithAtlassian(page, user.name);
  const cookieBefore = (await page.context().cookies()).find(
    (c) => c.name === 'next-auth.session-token',
  )?.value;

  await control(request, 'tokens/expire');
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { sites: { url: string }[] }).sites.map((s) => s.url)).toEqual([
    'https://acme.atlassian.net',
  ]);
  const log = await upstreamRequests(request);
  expect(log.filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
  // The rotated refresh token is stored: the session cookie was rewritten.
  const cookieAfter = (await page.context().cookies()).find(
    (c) => c.name === 'next-auth.session-token',
  )?.value;
  expect(cookieAfter).toBeTruthy();
  expect(cookieAfter).not.toBe(cookieBefore);

  // The contract server allows no reuse of a spent refresh token, so the refresh above only
  // succeeded with the token from sign-in; the session goes on with the rotated pair.
  await page.goto(WIZARD_ACME_DOCUFLOW);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(200);
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
    'Ask a site admin of acme.atlassian.net to authorize DocuFlow',
  );
});

test('a refresh token Atlassian rejects ends the session cleanly', async ({ page, request }) => {
  const user = await newAtlassianUser(request, 'ian', [{ cloudId: CLOUD.acme }]);
  await signInWithAtlassian(page, user.name);

  // As when the grant is revoked (or a rotated refresh token was reused): the next refresh gets invalid_grant.
  await control(request, 'tokens/revoke');
  await control(request, 'tokens/expire');
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(401);
  expect(((await me.json()) as { error: { code: string; message: string } }).error).toEqual({
    code: 'session_expired',
    message: 'Your session has ended. Sign in again.',
  });
  expect((await page.context().cookies()).find((c) => c.name === 'next-auth.session-token')).toBeUndefined();

  await page.goto(WIZARD_ACME_DOCUFLOW);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
    'Are you a site admin of acme.atlassian.net?',
  );
});
