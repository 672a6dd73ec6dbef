import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTRACT_CLOUD_IDS,
  startAtlassianContractServer,
  type AtlassianContractServer,
} from '@/tests/support/atlassian-contract-server';

// The contract server itself: the OAuth dance the way next-auth drives it.

let server: AtlassianContractServer;
const REDIRECT = 'http://localhost:3000/api/auth/callback/atlassian';
const SCOPE = 'read:me offline_access read:jira-work read:confluence-user';

beforeAll(async () => {
  server = await startAtlassianContractServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

function authorizeUrl(overrides: Record<string, string | null> = {}) {
  const params: Record<string, string | null> = {
    audience: 'api.atlassian.com',
    client_id: server.client.clientId,
    scope: SCOPE,
    redirect_uri: REDIRECT,
    state: 'state-123',
    response_type: 'code',
    prompt: 'consent',
    ...overrides,
  };
  const url = new URL('/authorize', server.url);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url;
}

async function authorize(overrides: Record<string, string | null> = {}) {
  const response = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

async function codeFor(user = 'ada') {
  const { location } = await authorize({ login_hint: user });
  return new URL(location!).searchParams.get('code')!;
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('GET /authorize', () => {
  it('redirects to the registered redirect_uri with code and state', async () => {
    const { status, location } = await authorize();
    expect(status).toBe(302);
    const back = new URL(location!);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-123');
    expect(back.searchParams.get('code')).toMatch(/^code_/);
  });

  it.each([
    ['audience', { audience: null }, 'invalid_request'],
    ['response_type', { response_type: 'token' }, 'unsupported_response_type'],
    ['prompt', { prompt: null }, 'invalid_request'],
    ['state', { state: null }, 'invalid_request'],
    ['scope', { scope: null }, 'invalid_scope'],
    ['client_id', { client_id: 'someone-else' }, 'unauthorized_client'],
  ])('refuses a request without a valid %s', async (_name, overrides, error) => {
    const { status, location } = await authorize(overrides);
    expect(status).toBe(302);
    expect(new URL(location!, server.url).searchParams.get('error')).toBe(error);
  });

  it('sends an unregistered redirect_uri to the error page with the observed message', async () => {
    const { location } = await authorize({ redirect_uri: 'https://evil.example/callback' });
    const error = new URL(location!, server.url);
    expect(error.pathname).toBe('/error');
    expect(error.searchParams.get('error_description')).toBe(
      `redirect_uri is not registered for client: ${server.client.clientId}`,
    );
    expect(location).not.toContain('evil.example/callback?');
  });

  it('redirects with error=access_denied in that mode', async () => {
    server.setAuthorizeMode('access_denied');
    const back = new URL((await authorize()).location!);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('state-123');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('shows the site-admin error without redirecting in that mode', async () => {
    server.setAuthorizeMode('site-admin-must-authorize');
    const { status, location, text } = await authorize({ login_hint: 'nora@acme.test' });
    expect(status).toBe(200);
    expect(location).toBeNull();
    expect(text).toContain('Your site admin must authorize this app for the site acme.atlassian.net');
  });
});

describe('POST /oauth/token', () => {
  it("exchanges a code sent as JSON (Atlassian's documented body)", async () => {
    const response = await fetch(new URL('/oauth/token', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'authorization_code',
        client_id: server.client.clientId,
        client_secret: server.client.clientSecret,
        code: await codeFor('ada'),
        redirect_uri: REDIRECT,
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      access_token: expect.stringMatching(/^at_/),
      refresh_token: expect.stringMatching(/^rt_/),
      expires_in: 3600,
      scope: SCOPE,
      token_type: 'bearer',
    });
  });

  it('exchanges a code sent as a form with HTTP Basic client auth (what next-auth sends)', async () => {
    const response = await fetch(new URL('/oauth/token', server.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(server.client.clientId, server.client.clientSecret),
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: await codeFor('gus'),
        redirect_uri: REDIRECT,
      }),
    });
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as { access_token: string };
    const me = await fetch(new URL('/me', server.url), {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await me.json()).toMatchObject({
      email: 'gus@globex.test',
      account_type: 'atlassian',
      account_status: 'active',
    });
  });

  it('uses a code once, and only with its redirect_uri', async () => {
    const code = await codeFor();
    const exchange = (redirectUri: string) =>
      fetch(new URL('/oauth/token', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'authorization_code',
          client_id: server.client.clientId,
          client_secret: server.client.clientSecret,
          code,
          redirect_uri: redirectUri,
        }),
      });
    expect((await exchange('http://127.0.0.1:3000/api/auth/callback/atlassian')).status).toBe(403);
    expect((await exchange(REDIRECT)).status).toBe(403);
  });

  it('omits the refresh token without offline_access', async () => {
    expect(server.issueTokens('ada', 'read:me read:jira-work')).not.toHaveProperty('refresh_token');
  });

  it('answers a reused refresh token with the documented 403 body, over a form too', async () => {
    const { refresh_token } = server.issueTokens('ada');
    const refresh = () =>
      fetch(new URL('/oauth/token', server.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: basic(server.client.clientId, server.client.clientSecret),
        },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh_token! }),
      });
    expect((await refresh()).status).toBe(200);
    const reused = await refresh();
    expect(reused.status).toBe(403);
    expect(await reused.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Unknown or invalid refresh token.',
    });
  });

  it('refuses unknown client credentials', async () => {
    const response = await fetch(new URL('/oauth/token', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('x', 'y') },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'rt' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('API routes', () => {
  it('answer 401 without a bearer token', async () => {
    const response = await fetch(new URL('/me', server.url));
    expect(response.status).toBe(401);
  });

  it('include an empty list for an account without sites', async () => {
    server.upsertUser({ accountId: 'acct-lonely', email: 'lonely@acme.test', name: 'Lonely', sites: [] });
    const { access_token } = server.issueTokens('lonely@acme.test');
    const response = await fetch(new URL('/oauth/token/accessible-resources', server.url), {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(await response.json()).toEqual([]);
  });

  it('answer 404 for a site outside the grant', async () => {
    const { access_token } = server.issueTokens('nora');
    const response = await fetch(
      new URL(
        `/ex/jira/${CONTRACT_CLOUD_IDS.globex}/rest/api/3/mypermissions?permissions=ADMINISTER`,
        server.url,
      ),
      { headers: { authorization: `Bearer ${access_token}` } },
    );
    expect(response.status).toBe(404);
  });
});

describe('control routes for out-of-process harnesses', () => {
  it('add and clear faults, switch the authorize mode and list requests', async () => {
    const post = (path: string, body?: unknown) =>
      fetch(new URL(path, server.url), {
        method: 'POST',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await post('/__control/faults', { kind: 'server-error', path: '/me', times: 1 })).status).toBe(
      204,
    );
    const { access_token } = server.issueTokens('ada');
    const me = () =>
      fetch(new URL('/me', server.url), { headers: { authorization: `Bearer ${access_token}` } });
    expect((await me()).status).toBe(500);
    expect((await me()).status).toBe(200);

    await post('/__control/faults', { kind: 'server-error' });
    await fetch(new URL('/__control/faults', server.url), { method: 'DELETE' });
    expect((await me()).status).toBe(200);

    await post('/__control/authorize', { mode: 'access_denied' });
    expect(new URL((await authorize()).location!).searchParams.get('error')).toBe('access_denied');

    const requests = (await (await fetch(new URL('/__control/requests', server.url))).json()) as {
      path: string;
    }[];
    expect(requests.map((r) => r.path)).toEqual(['/me', '/me', '/me', '/authorize']);

    expect((await fetch(new URL('/__control/health', server.url))).status).toBe(200);
    await post('/__control/reset');
    expect(server.requests).toHaveLength(0);
  });
});
