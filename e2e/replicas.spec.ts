import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from '@/tests/support/app-server';
import { signInWithDemoAccount } from '@/tests/support/demo-sign-in';
import { e2eContentDir, replicaPorts } from './support/servers';
import {
  adminDatabaseUrl,
  createFreshDatabase,
  seedDemoDatabase,
  type FreshDatabase,
} from '@/tests/support/fresh-postgres';
import { isListening } from '@/tests/support/services';

// Two `next start` replicas of the production build on their own ports, sharing one fresh
// PostgreSQL database and one Redis (under a key prefix of this run): what a load balancer sees.

const PORTS = replicaPorts;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Both replicas stand for one public URL (the load balancer's): the origin POSTs must come from.
const PUBLIC_URL = `http://127.0.0.1:${PORTS[0]}`;
// app/api/feedback/route.ts: 20 votes a minute per client.
const FEEDBACK_LIMIT = 20;

test.describe.configure({ mode: 'serial' });

let database: FreshDatabase | undefined;
let replicas: AppServer[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const servicesUp = (await isListening(adminDatabaseUrl())) && (await isListening(REDIS_URL));
  // CI starts both services (.ci/run); elsewhere, say what is missing rather than fail on a timeout.
  test.skip(
    !servicesUp && !process.env.CI,
    'PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 are needed',
  );
  database = await createFreshDatabase('gl_bench_replicas');
  seedDemoDatabase(database.url);
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL,
    RATE_LIMIT_PREFIX: `gl:e2e-replicas:${randomBytes(6).toString('hex')}`,
    GREENLIGHT_DEMO: '1',
    NEXTAUTH_URL: PUBLIC_URL,
    NEXTAUTH_SECRET: 'replicas-secret-not-for-production-0123456789',
    LOG_LEVEL: 'warn',
    GREENLIGHT_CONTENT_DIR: e2eContentDir,
  };
  const distDir = process.env.GREENLIGHT_DIST_DIR ?? '.next';
  // Started together: both apply migrations at once, under the advisory lock.
  replicas = await Promise.all(PORTS.map((port) => startAppServer({ port, distDir, env })));
});

test.afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await database?.drop();
});

test('a session made on one replica is valid on the other', async () => {
  const [first, second] = replicas as [AppServer, AppServer];
  const cookie = await signInWithDemoAccount(first.url, 'ada@acme.test');
  const response = await fetch(`${second.url}/api/me`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const me = (await response.json()) as { user: { email: string }; sites: unknown[] };
  expect(me.user.email).toBe('ada@acme.test');
  expect(me.sites.length).toBeGreaterThan(0);
});

test('a rate limit counts requests to both replicas together', async () => {
  const vote = (replica: AppServer) =>
    fetch(`${replica.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
      body: JSON.stringify({ slug: 'site-admin-must-authorize-app', helpful: true }),
    });
  const statuses: number[] = [];
  for (let i = 0; i < FEEDBACK_LIMIT + 2; i++) statuses.push((await vote(replicas[i % 2]!)).status);
  // Each replica saw only half of the votes; the shared count still stops the 21st.
  expect(statuses.slice(0, FEEDBACK_LIMIT).every((status) => status === 200 || status === 201)).toBe(true);
  expect(statuses.slice(FEEDBACK_LIMIT)).toEqual([429, 429]);
});

test('the same access request sent to both replicas at once is stored once', async () => {
  const [first, second] = replicas as [AppServer, AppServer];
  const cookie = await signInWithDemoAccount(second.url, 'nora@acme.test');
  const ask = (replica: AppServer) =>
    fetch(`${replica.url}/api/access-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PUBLIC_URL, cookie },
      body: JSON.stringify({
        siteId: 'site-acme',
        appId: 'app-docuflow',
        message: 'Needed for the release notes.',
      }),
    });
  const answers = await Promise.all([ask(first), ask(second)]);
  expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
  const ids = await Promise.all(
    answers.map(async (answer) => ((await answer.json()) as { request: { id: string } }).request.id),
  );
  expect(ids[0]).toBe(ids[1]);

  const listed = await fetch(`${first.url}/api/access-requests?scope=mine&status=open`, {
    headers: { cookie },
  });
  expect(listed.status).toBe(200);
  const { requests } = (await listed.json()) as { requests: { id: string }[] };
  expect(requests.map((request) => request.id)).toEqual([ids[0]]);
});
