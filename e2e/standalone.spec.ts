import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from '@/tests/support/app-server';
import { postWithRotatingForwardedFor } from './support/send-from';
import { standalonePort } from './support/servers';

// The server the Docker image runs: node <dist>/standalone/server.js, as `npm run build` leaves it
// (scripts/prepare-standalone.mjs copies static assets, migrations and articles next to it). It
// serves the content packaged with it, so the article is whichever the article list links first.

const PORT = standalonePort;
const dataDir = path.resolve('.data-bench-standalone');
let server: AppServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(dataDir, { recursive: true, force: true });
  server = await startAppServer({
    port: PORT,
    mode: 'standalone',
    distDir: process.env.GREENLIGHT_DIST_DIR ?? '.next',
    env: {
      GREENLIGHT_DATA_DIR: dataDir,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXTAUTH_SECRET: 'standalone-secret-not-for-production-0123456789',
      LOG_LEVEL: 'warn',
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the standalone server answers /api/health with 200', async () => {
  const response = await fetch(`${server!.url}/api/health`);
  expect(response.status).toBe(200);
  // The background jobs are reported too: none failing on a fresh server.
  expect(await response.json()).toMatchObject({ status: 'ok', db: 'ok', jobs: { failing: [] } });
});

test('the standalone server serves an article with its scripts', async () => {
  const list = await (await fetch(`${server!.url}/articles`)).text();
  const first = /href="(\/articles\/[a-z0-9-]+)"/.exec(list)?.[1];
  expect(first, 'the article list links an article').toBeTruthy();
  const page = await fetch(`${server!.url}${first}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const script = /<script src="([^"]+\.js)"/.exec(html)?.[1];
  expect(script, 'the page links a script').toBeTruthy();
  expect((await fetch(`${server!.url}${script}`)).status).toBe(200);
});

test('the standalone server counts rate limits per socket, whatever X-Forwarded-For says', async () => {
  const statuses = await postWithRotatingForwardedFor(server!.url, '127.0.0.2', '/api/feedback', {
    slug: 'site-admin-must-authorize-app',
    helpful: true,
  });
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(150);
});
