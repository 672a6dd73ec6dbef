import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { atlassianURL, contractURL, demoURL } from './support/servers';

// Truthful guidance: the requester's consent page reaches the admin as the app's identity, and a
// Jira admin is asked before Greenlight treats them as a site admin.

const wizard = (params: Record<string, string>) =>
  `/troubleshoot/authorize-app?${new URLSearchParams(params)}`;
const stepHeading = (page: Page) => page.getByRole('heading', { level: 2 }).first();

// --- The consent page on the request (demo seed) ---------------------------------------------

const DOCUFLOW_CLIENT_ID = 'DocF3aR8kP1sV6nQ2wE9tY4uI7oL5mZx';
const NORAS_STATE = 'nora-own-csrf-1f4b';
const CONSENT_URL =
  'https://auth.atlassian.com/authorize?audience=api.atlassian.com' +
  `&client_id=${DOCUFLOW_CLIENT_ID}&scope=read%3Ame%20read%3Aconfluence-content.all` +
  `&redirect_uri=${encodeURIComponent('https://docuflow.example.com/oauth/callback')}` +
  `&state=${NORAS_STATE}&response_type=code&prompt=consent`;

async function demoPage(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: demoURL });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByRole('button', { name: new RegExp(`Sign in as ${name}`) }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
  return page;
}

test('a requester pastes the consent page; the admin sees the app, its scopes and the same consent to start', async ({
  browser,
}) => {
  const ada = await demoPage(browser, 'Ada Admin');
  // From scratch: authorizing approves any open request, withdrawing leaves the app unauthorized.
  for (const method of ['put', 'delete'] as const) {
    const response = await ada.request[method]('/api/sites/site-acme/apps/app-docuflow/authorization', {
      headers: { origin: demoURL },
      ...(method === 'put' ? { data: {} } : {}),
    });
    expect(response.status()).toBe(200);
  }

  const nora = await demoPage(browser, 'Nora User');
  await nora.goto(wizard({ site: 'acme.atlassian.net', app: 'DocuFlow' }));
  await expect(stepHeading(nora)).toHaveText('Ask a site admin of acme.atlassian.net to authorize DocuFlow');
  const field = nora.getByRole('textbox', { name: /Address of the consent page/ });

  await field.fill('https://auth.example.com/authorize?client_id=abc&scope=read%3Ame');
  // The field's own alert (Next's route announcer is an alert region too).
  await expect(
    nora.getByRole('alert').filter({ hasText: 'This is not an Atlassian consent page' }),
  ).toBeVisible();
  await expect(nora.getByRole('button', { name: 'Request access' })).toBeDisabled();

  await field.fill(CONSENT_URL);
  const understood = nora.getByRole('region', { name: 'What Greenlight read from the consent page' });
  await expect(understood).toContainText(`DocuFlow, client id ${DOCUFLOW_CLIENT_ID}`);
  await expect(understood.getByRole('list', { name: 'Scopes' }).getByRole('listitem')).toHaveText([
    'read:me',
    'read:confluence-content.all',
  ]);
  await expect(understood).toContainText('docuflow.example.com');
  await nora.getByRole('button', { name: 'Request access' }).click();
  await expect(nora.getByRole('region', { name: 'Request status' })).toContainText(
    'Waiting for a site admin',
  );

  const mine = (await (
    await nora.request.get('/api/access-requests?siteId=site-acme&scope=mine')
  ).json()) as {
    requests: { id: string; status: string; app: { id: string } }[];
  };
  const request = mine.requests.find((r) => r.status === 'open' && r.app.id === 'app-docuflow')!;

  // The console's request page: which app, which scopes, and the consent started for the admin.
  await ada.goto(`/admin/requests/${request.id}`);
  const consent = ada.getByRole('region', { name: 'The consent page the requester saw' });
  await expect(consent).toContainText(`DocuFlow, client id ${DOCUFLOW_CLIENT_ID}`);
  await expect(consent.getByRole('list', { name: 'Requested scopes' }).getByRole('listitem')).toHaveText([
    'read:me',
    'read:confluence-content.all',
  ]);
  await expect(consent).toContainText('its own page may show an error');
  const href = await consent
    .getByRole('link', { name: /Open the same consent screen as admin/ })
    .getAttribute('href');
  const link = new URL(href!);
  expect(link.origin + link.pathname).toBe('https://auth.atlassian.com/authorize');
  expect(link.searchParams.get('client_id')).toBe(DOCUFLOW_CLIENT_ID);
  expect(link.searchParams.get('scope')).toBe('read:me read:confluence-content.all');
  expect(link.searchParams.get('redirect_uri')).toBe('https://docuflow.example.com/oauth/callback');
  expect(link.searchParams.get('prompt')).toBe('consent');
  expect(link.searchParams.get('audience')).toBe('api.atlassian.com');
  expect(link.searchParams.get('state')).not.toBe(NORAS_STATE);
  expect(await ada.content()).not.toContain(NORAS_STATE);

  // The admin's own way in, the troubleshooter, shows the same.
  await ada.goto(wizard({ site: 'acme.atlassian.net', app: 'DocuFlow' }));
  await expect(stepHeading(ada)).toHaveText('Authorize DocuFlow for acme.atlassian.net');
  await expect(ada.getByRole('region', { name: 'The consent page the requester saw' })).toContainText(
    DOCUFLOW_CLIENT_ID,
  );
});

// --- A Jira admin in Atlassian mode (contract server) ------------------------------------------

const ACME_CLOUD = '0f9a3c1e-5b7d-4e2a-9c8f-1a2b3c4d5e01';

async function control(request: APIRequestContext, path: string, body: unknown) {
  const response = await request.fetch(`${contractURL}/__control/${path}`, { method: 'POST', data: body });
  expect(response.ok(), `contract control ${path}`).toBe(true);
}

/** A contract user who administers Jira on acme and has never signed in to Greenlight. */
async function signInAsJiraAdmin(browser: Browser, label: string) {
  const id = `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const user = { accountId: `712020:${id}`, email: `${id}@acme.test`, name: `Pat ${label}`, nickname: id };
  const context = await browser.newContext({ baseURL: atlassianURL });
  await control(context.request, 'users', { ...user, sites: [{ cloudId: ACME_CLOUD, jiraAdmin: true }] });
  await control(context.request, 'authorize', { user: user.accountId });
  const page = await context.newPage();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent('/api/health')}`);
  await page.getByRole('button', { name: 'Sign in with Atlassian' }).click();
  await expect(page).toHaveURL(`${atlassianURL}/api/health`);
  return { page, user };
}

test('a Jira admin is asked before the admin steps; "yes" is stored and makes them a listed site admin', async ({
  browser,
}) => {
  const { page, user } = await signInAsJiraAdmin(browser, 'yes');
  const me = (await (await page.request.get('/api/me')).json()) as { sites: { url: string; role: string }[] };
  expect(me.sites).toEqual([
    expect.objectContaining({ url: 'https://acme.atlassian.net', role: 'product-admin' }),
  ]);

  await page.goto(wizard({ site: 'acme.atlassian.net', app: 'DocuFlow' }));
  await expect(stepHeading(page)).toHaveText('Are you a site admin or org admin of acme.atlassian.net?');
  await expect(page.getByText("You're an admin")).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'admin.atlassian.com' })).toBeVisible();

  await page.getByRole('button', { name: "Yes, I'm a site or org admin of acme.atlassian.net" }).click();
  await expect(stepHeading(page)).toHaveText('Authorize DocuFlow for acme.atlassian.net');

  // Stored: the admins list now names them, as a site admin on their own confirmation.
  const admins = (await (await page.request.get('/api/sites/site-acme/admins')).json()) as {
    admins: { email: string; role: string; roleSource: string }[];
  };
  expect(admins.admins).toContainEqual({
    name: user.name,
    email: user.email,
    role: 'site-admin',
    roleSource: 'self-confirmed',
  });
  // And a reload (which syncs with Atlassian again) keeps it.
  await page.reload();
  await expect(stepHeading(page)).toHaveText('Authorize DocuFlow for acme.atlassian.net');
});

test('a Jira admin who answers "no" gets the steps for asking an admin and is not listed as one', async ({
  browser,
}) => {
  const { page, user } = await signInAsJiraAdmin(browser, 'no');
  await page.goto(wizard({ site: 'acme.atlassian.net', app: 'DocuFlow' }));
  await expect(stepHeading(page)).toHaveText('Are you a site admin or org admin of acme.atlassian.net?');
  await page.getByRole('link', { name: /No, or I.m not sure/ }).click();
  await expect(stepHeading(page)).toHaveText(/acme\.atlassian\.net/);
  await expect(stepHeading(page)).not.toHaveText('Authorize DocuFlow for acme.atlassian.net');
  const admins = page.getByRole('region', { name: 'Site admins who can authorize DocuFlow' });
  await expect(admins).toBeVisible();
  await expect(admins).not.toContainText(user.email);
});
