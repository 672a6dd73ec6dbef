import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAtlassianApi, type AtlassianApiOptions } from '@/lib/atlassian/api';
import { AppError } from '@/lib/errors';
import {
  CONTRACT_CLOUD_IDS,
  startAtlassianContractServer,
  type AtlassianContractServer,
} from '@/tests/support/atlassian-contract-server';

// The HTTP client and the typed API calls against the local Atlassian contract server.

let server: AtlassianContractServer;
let sleeps: number[];

beforeAll(async () => {
  server = await startAtlassianContractServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  sleeps = [];
});

/** Fast defaults for tests: short timeout, tiny backoff, waits recorded instead of slept. */
function api(user = 'ada@acme.test', overrides: Partial<AtlassianApiOptions> = {}) {
  return createAtlassianApi({
    apiUrl: server.url,
    accessToken: server.issueTokens(user).access_token,
    timeoutMs: 300,
    backoffBaseMs: 1,
    backoffMaxMs: 4,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

describe('documented endpoints', () => {
  it('reads the profile from /me', async () => {
    const profile = await api().getProfile();
    expect(profile).toMatchObject({
      account_id: expect.stringContaining('ada'),
      email: 'ada@acme.test',
      name: 'Ada Admin',
    });
  });

  it('reads accessible resources, one entry per product with repeated ids', async () => {
    const resources = await api().getAccessibleResources();
    const acme = resources.filter((r) => r.id === CONTRACT_CLOUD_IDS.acme);
    expect(acme).toHaveLength(2);
    expect(resources.map((r) => r.id)).toContain(CONTRACT_CLOUD_IDS.acmeSandbox);
  });

  it('reads the Jira ADMINISTER permission', async () => {
    expect(await api('ada@acme.test').getJiraAdminPermission(CONTRACT_CLOUD_IDS.acme)).toBe(true);
    expect(await api('nora@acme.test').getJiraAdminPermission(CONTRACT_CLOUD_IDS.acme)).toBe(false);
    expect(server.requests.at(-1)?.search).toBe('?permissions=ADMINISTER');
  });

  it('reads the Confluence administer operation', async () => {
    expect(await api('ada@acme.test').getConfluenceAdmin(CONTRACT_CLOUD_IDS.acme)).toBe(true);
    expect(await api('nora@acme.test').getConfluenceAdmin(CONTRACT_CLOUD_IDS.acme)).toBe(false);
    expect(server.requests.at(-1)?.search).toBe('?expand=operations');
  });

  it('refuses a cloud id that could walk the gateway path', async () => {
    await expect(api().getJiraAdminPermission('../../me')).rejects.toThrow(TypeError);
    expect(server.countRequests('/ex/')).toBe(0);
  });
});

describe('fault modes map to stable codes', () => {
  it('429 on every attempt → 503 atlassian_rate_limited with Retry-After, after exactly 2 retries', async () => {
    server.addFault({ kind: 'rate-limited', path: '/me', retryAfterSeconds: 2 });
    const error = await failure(api().getProfile());
    expect(error).toMatchObject({
      status: 503,
      code: 'atlassian_rate_limited',
      headers: { 'Retry-After': '2' },
    });
    expect(error.message).toMatch(/rate limiting.*Try again in 2 s/);
    expect(server.countRequests('/me')).toBe(3);
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('a Retry-After above the cap fails fast without waiting', async () => {
    server.addFault({ kind: 'rate-limited', path: '/me', retryAfterSeconds: 60 });
    const error = await failure(api().getProfile());
    expect(error).toMatchObject({
      status: 503,
      code: 'atlassian_rate_limited',
      headers: { 'Retry-After': '60' },
    });
    expect(server.countRequests('/me')).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('500 on every attempt → 502 atlassian_unavailable, with backoff between attempts', async () => {
    server.addFault({ kind: 'server-error', path: '/oauth/token/accessible-resources' });
    const error = await failure(api().getAccessibleResources());
    expect(error).toMatchObject({ status: 502, code: 'atlassian_unavailable' });
    expect(error.message).toContain('(500)');
    expect(server.countRequests('/oauth/token/accessible-resources')).toBe(3);
    expect(sleeps).toHaveLength(2);
    for (const ms of sleeps) expect(ms).toBeLessThanOrEqual(4);
  });

  it('a slow answer past the timeout → 504 atlassian_timeout', async () => {
    server.addFault({ kind: 'slow', path: '/me', delayMs: 2_000 });
    const started = Date.now();
    const error = await failure(api('ada@acme.test', { timeoutMs: 150 }).getProfile());
    expect(error).toMatchObject({ status: 504, code: 'atlassian_timeout' });
    expect(error.message).toContain('0.2 s');
    expect(server.countRequests('/me')).toBe(3);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('a slow answer within the timeout succeeds', async () => {
    server.addFault({ kind: 'slow', path: '/me', delayMs: 50 });
    await expect(api('ada@acme.test', { timeoutMs: 1_000 }).getProfile()).resolves.toMatchObject({
      name: 'Ada Admin',
    });
  });

  it('401 "scope does not match" → 502 atlassian_scope_missing, not retried', async () => {
    server.addFault({ kind: 'scope-mismatch', path: '/ex/jira' });
    const error = await failure(api().getJiraAdminPermission(CONTRACT_CLOUD_IDS.acme));
    expect(error).toMatchObject({ status: 502, code: 'atlassian_scope_missing' });
    expect(error.message).toMatch(/scope/);
    expect(server.countRequests('/ex/jira')).toBe(1);
  });

  it('a token without the scope gets the same answer from the server itself', async () => {
    const narrow = createAtlassianApi({
      apiUrl: server.url,
      accessToken: server.issueTokens('ada@acme.test', 'read:jira-work').access_token,
    });
    await expect(narrow.getProfile()).rejects.toMatchObject({ status: 502, code: 'atlassian_scope_missing' });
  });

  it('401 otherwise → 401 atlassian_token_invalid (sign in again)', async () => {
    server.addFault({ kind: 'token-invalid', path: '/me' });
    const error = await failure(api().getProfile());
    expect(error).toMatchObject({ status: 401, code: 'atlassian_token_invalid' });
    expect(error.message).toMatch(/sign in again/i);
  });

  it('an expired access token → 401 atlassian_token_invalid', async () => {
    const client = api();
    server.expireAccessTokens();
    await expect(client.getProfile()).rejects.toMatchObject({ status: 401, code: 'atlassian_token_invalid' });
  });

  it('an unexpected shape → 502 atlassian_bad_response', async () => {
    server.addFault({ kind: 'malformed', path: '/me' });
    const error = await failure(api().getProfile());
    expect(error).toMatchObject({ status: 502, code: 'atlassian_bad_response' });
    expect(error.message).toContain('your Atlassian profile');
  });

  it('an unreachable server → 502 atlassian_unavailable', async () => {
    const closed = await startAtlassianContractServer();
    const url = closed.url;
    await closed.close();
    const client = createAtlassianApi({
      apiUrl: url,
      accessToken: 'x',
      backoffBaseMs: 1,
      sleep: async () => {},
    });
    await expect(client.getProfile()).rejects.toMatchObject({ status: 502, code: 'atlassian_unavailable' });
  });
});

describe('retries', () => {
  it('a 429 then success is retried after the Retry-After wait', async () => {
    server.addFault({ kind: 'rate-limited', path: '/me', retryAfterSeconds: 1, times: 1 });
    await expect(api().getProfile()).resolves.toMatchObject({ name: 'Ada Admin' });
    expect(sleeps).toEqual([1000]);
    expect(server.countRequests('/me')).toBe(2);
  });

  it('really waits Retry-After with the default sleep', async () => {
    server.addFault({ kind: 'rate-limited', path: '/me', retryAfterSeconds: 1, times: 1 });
    const client = createAtlassianApi({
      apiUrl: server.url,
      accessToken: server.issueTokens('ada').access_token,
    });
    const started = Date.now();
    await expect(client.getProfile()).resolves.toMatchObject({ name: 'Ada Admin' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('Jira 429s carry the X-RateLimit headers and are retried', async () => {
    server.addFault({ kind: 'rate-limited', path: '/ex/jira', retryAfterSeconds: 1, times: 2 });
    const seen: Headers[] = [];
    const recordingFetch = async (input: string | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      seen.push(response.headers);
      return response;
    };
    await expect(
      api('ada@acme.test', { fetch: recordingFetch }).getJiraAdminPermission(CONTRACT_CLOUD_IDS.acme),
    ).resolves.toBe(true);
    expect(seen).toHaveLength(3);
    expect(seen[0]?.get('x-ratelimit-remaining')).toBe('0');
    expect(seen[0]?.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
    expect(seen[0]?.get('ratelimit-reason')).toBe('jira-burst-based');
  });

  it('a 503 with Retry-After then success is retried', async () => {
    server.addFault({ kind: 'unavailable', path: '/me', retryAfterSeconds: 1, times: 1 });
    await expect(api().getProfile()).resolves.toMatchObject({ name: 'Ada Admin' });
    expect(sleeps).toEqual([1000]);
  });

  it('a timeout then success is retried', async () => {
    server.addFault({ kind: 'slow', path: '/me', delayMs: 1_000, times: 1 });
    await expect(api('ada@acme.test', { timeoutMs: 150 }).getProfile()).resolves.toMatchObject({
      name: 'Ada Admin',
    });
    expect(server.countRequests('/me')).toBe(2);
  });

  it('maxRetries 0 means one attempt', async () => {
    server.addFault({ kind: 'server-error', path: '/me' });
    await expect(api('ada@acme.test', { maxRetries: 0 }).getProfile()).rejects.toMatchObject({
      code: 'atlassian_unavailable',
    });
    expect(server.countRequests('/me')).toBe(1);
  });
});
