import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { atlassianURL, contractURL } from './support/servers';

// Ada connects her organization on /admin/organization, with Atlassian sign-in and the contract
// server standing in for Atlassian's Organizations REST API (tests/support/atlassian-admin-contract.ts):
// a wrong key is refused with Atlassian's reason, the right one is tested and kept, her org-admin
// role from the role assignments opens insights, and disconnecting forgets it all again.

test.use({ baseURL: atlassianURL });

const ADA = { accountId: '712020:ada-0000-4000-8000-000000000001', name: 'Ada Admin' };
const ORG_ID = '9a1b2c3d-acme-4e5f-8a9b-0c1d2e3f4a5b';
const ORG_KEY = 'contract-org-key-acme-0123456789abcdef';
const GREENLIGHT_ORG = `org-atl-${ORG_ID}`;

async function control(request: APIRequestContext, path: string, body?: unknown) {
  const response = await request.post(
    `${contractURL}/__control/${path}`,
    body === undefined ? {} : { data: body },
  );
  expect(response.ok(), `contract control ${path}`).toBe(true);
}

async function signInAsAda(page: Page, request: APIRequestContext) {
  await control(request, 'authorize', { user: ADA.accountId });
  await page.goto(`/signin?callbackUrl=${encodeURIComponent('/admin/organization')}`);
  await page.getByRole('button', { name: 'Sign in with Atlassian' }).click();
  await expect(page).toHaveURL(`${atlassianURL}/admin/organization`);
}

test.afterEach(async ({ page }) => {
  // Leave no connection behind for the other Atlassian journeys, whatever happened above.
  await page.request.delete(`/api/organization/connections/${GREENLIGHT_ORG}`, {
    headers: { origin: atlassianURL },
  });
});

test('Ada connects her organization with an API key, sees insights as org admin, and disconnects', async ({
  page,
  request,
}) => {
  await control(request, 'reset');
  await signInAsAda(page, request);
  await expect(page.getByRole('heading', { name: 'Connect an organization' })).toBeVisible();

  await page.getByLabel('Atlassian organization id').fill(ORG_ID);
  await page.getByLabel('Organization API key').fill('not-the-key-000000000');
  await page.getByRole('button', { name: 'Test and connect' }).click();
  await expect(page.getByText('did not accept the organization API key')).toBeVisible();

  await page.getByLabel('Organization API key').fill(ORG_KEY);
  await page.getByRole('button', { name: 'Test and connect' }).click();
  await expect(page.getByText('Acme Corp is connected: 2 sites found.')).toBeVisible();
  const card = page.getByRole('region', { name: /Acme Corp/ });
  await expect(card).toContainText(`ending …${ORG_KEY.slice(-4)}`);
  await expect(card).toContainText('acme, acme-sandbox');
  await expect(card).toContainText('Read from the audit log');
  // The page never holds the key itself.
  expect(await page.content()).not.toContain(ORG_KEY);

  // Ada's org-admin role now comes from the role assignments: insights open to her.
  await page.goto('/admin/insights');
  await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();

  await page.goto('/admin/organization');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByText('Acme Corp is disconnected; its key is deleted.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Connect an organization' })).toBeVisible();
});
