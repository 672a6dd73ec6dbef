import { expect, test, type Page } from '@playwright/test';

// The AI-connector branch of the authorize-app troubleshooter, as an anonymous visitor finds it:
// from search, and from the wizard's first question. Reads the fixture content (tests/fixtures/content).

const stepHeading = (page: Page) => page.getByRole('heading', { level: 2 }).first();

test('searching for an AI assistant that cannot connect opens the Rovo MCP server article', async ({
  page,
}) => {
  await page.goto(`/search?${new URLSearchParams({ q: "claude can't connect to jira" })}`);
  const first = page
    .getByRole('main')
    .getByRole('link', { name: /Rovo MCP server/ })
    .first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/articles\/connect-ai-assistants-rovo-mcp-server$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Claude, ChatGPT, Cursor or Copilot');
});

test('an anonymous visitor with an AI assistant reaches the org admin’s Rovo MCP settings and the article', async ({
  page,
}) => {
  await page.goto(`/troubleshoot/authorize-app?${new URLSearchParams({ site: 'acme.atlassian.net' })}`);
  await expect(stepHeading(page)).toHaveText('Are you a site admin of acme.atlassian.net?');

  await page
    .getByRole('link', { name: "It's an AI assistant, a Marketplace app or another message" })
    .click();
  await expect(stepHeading(page)).toHaveText('What are you connecting, or what does the message say?');

  await page.getByRole('link', { name: /An AI assistant \(Claude, ChatGPT, Cursor, Copilot/ }).click();
  await expect(stepHeading(page)).toHaveText('Connect your AI assistant to Jira or Confluence');
  await expect(page.getByText(/AI settings.*Rovo MCP server/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open admin.atlassian.com' })).toHaveAttribute(
    'href',
    'https://admin.atlassian.com',
  );

  await page.getByRole('link', { name: "It's still refused" }).click();
  await expect(stepHeading(page)).toHaveText('Ask your organization admin about the Rovo MCP server');
  // The whole path is in the URL, so a shared link opens this same step.
  await expect(page).toHaveURL(/path=.*ai-assistant-escalated/);

  await page
    .getByRole('region', { name: 'Read more' })
    .getByRole('link', { name: /Rovo MCP server/ })
    .click();
  await expect(page).toHaveURL(/\/articles\/connect-ai-assistants-rovo-mcp-server$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rovo MCP server');
});
