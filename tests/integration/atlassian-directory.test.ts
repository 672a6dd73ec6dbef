import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAtlassianDirectory } from '@/lib/directory/atlassian';
import {
  CONTRACT_CLOUD_IDS,
  startAtlassianContractServer,
  type AtlassianContractServer,
} from '@/tests/support/atlassian-contract-server';

// The Atlassian Directory adapter against the local contract server.

let server: AtlassianContractServer;

beforeAll(async () => {
  server = await startAtlassianContractServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

function directoryFor(user: string, scope?: string, timeoutMs = 1_000) {
  return createAtlassianDirectory({
    apiUrl: server.url,
    accessToken: server.issueTokens(user, scope).access_token,
    http: { timeoutMs, backoffBaseMs: 1, backoffMaxMs: 4 },
  });
}

const byName = <T extends { name: string }>(sites: T[]) => Object.fromEntries(sites.map((s) => [s.name, s]));

describe('profile', () => {
  it('comes from /me', async () => {
    expect(await directoryFor('nora').profile()).toEqual({
      accountId: expect.stringContaining('nora'),
      email: 'nora@acme.test',
      name: 'Nora User',
      picture: expect.stringMatching(/^https:\/\//),
    });
  });
});

describe('sites', () => {
  it('deduplicates the per-product entries and infers products from scopes', async () => {
    const sites = await directoryFor('ada').sites();
    expect(sites).toHaveLength(2);
    expect(byName(sites).acme).toEqual({
      id: `cloud-${CONTRACT_CLOUD_IDS.acme}`,
      cloudId: CONTRACT_CLOUD_IDS.acme,
      name: 'acme',
      url: 'https://acme.atlassian.net',
      products: ['jira', 'confluence'],
      role: 'product-admin',
      roleSource: 'product-permission',
    });
    expect(byName(sites)['acme-sandbox']).toMatchObject({ products: ['jira'], role: 'product-admin' });
  });

  it('reports JSM when the grant carries service desk scopes', async () => {
    const sites = await directoryFor('gus', 'read:me read:jira-work read:servicedesk-request').sites();
    expect(sites).toEqual([
      expect.objectContaining({ name: 'globex', products: ['jira', 'jsm'], role: 'product-admin' }),
    ]);
  });

  it('gives a user role where the account administers neither product', async () => {
    expect(await directoryFor('nora').sites()).toEqual([
      expect.objectContaining({ name: 'acme', products: ['jira', 'confluence'], role: 'user' }),
    ]);
    const sam = byName(await directoryFor('sam').sites());
    expect(sam.acme?.role).toBe('user');
    expect(sam['acme-sandbox']?.role).toBe('product-admin');
  });

  it('counts a Confluence-only admin as product admin (never site admin)', async () => {
    server.upsertUser({
      accountId: 'acct-wiki',
      email: 'wiki@acme.test',
      name: 'Wiki Admin',
      sites: [{ cloudId: CONTRACT_CLOUD_IDS.acme, jiraAdmin: false, confluenceAdmin: true }],
    });
    expect(await directoryFor('wiki@acme.test').sites()).toEqual([
      expect.objectContaining({ role: 'product-admin' }),
    ]);
  });

  it('lists only the products the grant covers', async () => {
    const sites = await directoryFor('ada', 'read:me read:jira-work').sites();
    expect(byName(sites).acme).toMatchObject({ products: ['jira'], role: 'product-admin' });
    expect(server.countRequests('/ex/confluence')).toBe(0);
  });

  it('is empty when the grant covers no product', async () => {
    expect(await directoryFor('ada', 'read:me offline_access').sites()).toEqual([]);
  });

  it('looks roles up in parallel', async () => {
    server.addFault({ kind: 'slow', path: '/ex/', delayMs: 300 });
    const started = Date.now();
    const sites = await directoryFor('ada', undefined, 2_000).sites();
    expect(sites).toHaveLength(2);
    // Three role checks of 300 ms each: sequential would take at least 900 ms.
    expect(Date.now() - started).toBeLessThan(800);
  });

  it('keeps at most maxConcurrentSites role lookups in flight for a large grant', async () => {
    const cloudIds = Array.from({ length: 9 }, (_, i) => `0b000000-0000-4000-8000-00000000000${i}`);
    for (const [i, cloudId] of cloudIds.entries()) {
      server.upsertSite({
        cloudId,
        name: `site-${i}`,
        url: `https://site-${i}.atlassian.net`,
        products: ['jira'],
      });
    }
    server.upsertUser({
      accountId: 'acct-many',
      email: 'many@acme.test',
      name: 'Many Sites',
      sites: cloudIds.map((cloudId) => ({ cloudId, jiraAdmin: true })),
    });
    server.addFault({ kind: 'slow', path: '/ex/', delayMs: 50 });
    let inFlight = 0;
    let peak = 0;
    const countingFetch = async (input: string | URL, init?: RequestInit) => {
      const role = String(input).includes('/ex/');
      if (role) peak = Math.max(peak, ++inFlight);
      try {
        const response = await fetch(input, init);
        await response.clone().text();
        return response;
      } finally {
        if (role) inFlight--;
      }
    };
    const directory = createAtlassianDirectory({
      apiUrl: server.url,
      accessToken: server.issueTokens('many@acme.test').access_token,
      fetch: countingFetch,
      maxConcurrentSites: 4,
    });
    const sites = await directory.sites();
    expect(sites.map((s) => s.name)).toEqual(cloudIds.map((_, i) => `site-${i}`));
    expect(sites.every((s) => s.role === 'product-admin')).toBe(true);
    expect(peak).toBe(4);
  });
});

describe('role checks that cannot answer', () => {
  it('fall back to Confluence when the Jira check lacks its scope', async () => {
    server.addFault({ kind: 'scope-mismatch', path: '/ex/jira' });
    const sites = byName(await directoryFor('ada').sites());
    expect(sites.acme?.role).toBe('product-admin');
    // Jira-only site, nothing else to ask: user, not a failure.
    expect(sites['acme-sandbox']?.role).toBe('user');
  });

  it('fall back when the token itself lacks the Jira permission scope', async () => {
    const sites = byName(await directoryFor('ada', 'read:me read:jira-user read:confluence-user').sites());
    expect(sites.acme?.role).toBe('product-admin');
    expect(sites['acme-sandbox']?.role).toBe('user');
  });

  it('fall back to user when both checks lack their scope', async () => {
    server.addFault({ kind: 'scope-mismatch', path: '/ex/' });
    const sites = await directoryFor('ada').sites();
    expect(sites.map((s) => s.role)).toEqual(['user', 'user']);
  });

  it('do not demote anyone silently on a timeout: the whole call fails with 504', async () => {
    server.addFault({ kind: 'slow', path: '/ex/jira', delayMs: 2_000 });
    await expect(directoryFor('nora', undefined, 100).sites()).rejects.toMatchObject({
      status: 504,
      code: 'atlassian_timeout',
    });
  });

  it('still report an admin when the other product check is failing', async () => {
    server.addFault({ kind: 'server-error', path: '/ex/confluence' });
    const sites = byName(await directoryFor('ada').sites());
    expect(sites.acme?.role).toBe('product-admin');
  });

  it('propagate rate limiting as 503 with Retry-After', async () => {
    server.addFault({ kind: 'rate-limited', path: '/ex/jira', retryAfterSeconds: 30 });
    await expect(directoryFor('nora').sites()).rejects.toMatchObject({
      status: 503,
      code: 'atlassian_rate_limited',
      headers: { 'Retry-After': '30' },
    });
  });
});

describe('sites listing failures', () => {
  it('map a 500 on accessible-resources to 502 atlassian_unavailable', async () => {
    server.addFault({ kind: 'server-error', path: '/oauth/token/accessible-resources' });
    await expect(directoryFor('ada').sites()).rejects.toMatchObject({
      status: 502,
      code: 'atlassian_unavailable',
    });
  });

  it('map a malformed answer to 502 atlassian_bad_response', async () => {
    server.addFault({ kind: 'malformed' });
    await expect(directoryFor('ada').sites()).rejects.toMatchObject({
      status: 502,
      code: 'atlassian_bad_response',
    });
  });
});
