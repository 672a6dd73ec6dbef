import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAtlassianApi } from '@/lib/atlassian/api';
import { isInvalidGrant, refreshAccessToken, type TokenEndpointConfig } from '@/lib/atlassian/tokens';
import {
  startAtlassianContractServer,
  type AtlassianContractServer,
} from '@/tests/support/atlassian-contract-server';

// Rotating refresh tokens against the local contract server.

let server: AtlassianContractServer;
let config: TokenEndpointConfig;

beforeAll(async () => {
  server = await startAtlassianContractServer();
  config = {
    authUrl: server.url,
    clientId: server.client.clientId,
    clientSecret: server.client.clientSecret,
  };
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

const NOW_MS = Date.parse('2026-03-01T12:00:00Z');

describe('refreshAccessToken', () => {
  it('returns a working access token, a NEW refresh token and the expiry in epoch seconds', async () => {
    const first = server.issueTokens('ada');
    const refreshed = await refreshAccessToken(config, first.refresh_token!, undefined, {
      now: () => NOW_MS,
    });
    expect(refreshed.refreshToken).not.toBe(first.refresh_token);
    expect(refreshed.accessToken).not.toBe(first.access_token);
    expect(refreshed.expiresAt).toBe(NOW_MS / 1000 + 3600);
    expect(refreshed.scope).toContain('offline_access');
    const profile = await createAtlassianApi({
      apiUrl: server.url,
      accessToken: refreshed.accessToken,
    }).getProfile();
    expect(profile.email).toBe('ada@acme.test');
  });

  it('chains: each new refresh token works once', async () => {
    let refreshToken = server.issueTokens('nora').refresh_token!;
    for (let i = 0; i < 3; i++) refreshToken = (await refreshAccessToken(config, refreshToken)).refreshToken;
    expect(refreshToken).toMatch(/^rt_/);
  });

  it('rejects a reused refresh token with invalid_grant, and the whole grant with it', async () => {
    const first = server.issueTokens('ada');
    const second = await refreshAccessToken(config, first.refresh_token!);
    const reuse = await refreshAccessToken(config, first.refresh_token!).catch((error: unknown) => error);
    expect(isInvalidGrant(reuse)).toBe(true);
    expect(reuse).toMatchObject({
      status: 401,
      code: 'invalid_grant',
      upstreamDescription: 'Unknown or invalid refresh token.',
    });
    expect((reuse as Error).message).toMatch(/sign in again/i);
    // Reuse outside the leeway revokes every refresh token of the grant (facts §1.3).
    await expect(refreshAccessToken(config, second.refreshToken)).rejects.toMatchObject({
      code: 'invalid_grant',
    });
  });

  it('rejects an unknown refresh token with invalid_grant', async () => {
    await expect(refreshAccessToken(config, 'rt_nonsense')).rejects.toMatchObject({ code: 'invalid_grant' });
  });

  it('accepts a reuse within the leeway when the server grants one', async () => {
    const lenient = await startAtlassianContractServer({ refreshReuseLeewaySeconds: 600 });
    try {
      const lenientConfig = { ...config, authUrl: lenient.url };
      const first = lenient.issueTokens('ada');
      await refreshAccessToken(lenientConfig, first.refresh_token!);
      await expect(refreshAccessToken(lenientConfig, first.refresh_token!)).resolves.toHaveProperty(
        'refreshToken',
      );
    } finally {
      await lenient.close();
    }
  });

  it('reports rejected client credentials as a configuration problem', async () => {
    const refreshToken = server.issueTokens('ada').refresh_token!;
    await expect(
      refreshAccessToken({ ...config, clientSecret: 'wrong' }, refreshToken),
    ).rejects.toMatchObject({
      status: 502,
      code: 'atlassian_client_invalid',
    });
  });

  it('maps a 500 to 502 atlassian_unavailable and never replays the POST', async () => {
    server.addFault({ kind: 'server-error', path: '/oauth/token' });
    await expect(refreshAccessToken(config, server.issueTokens('ada').refresh_token!)).rejects.toMatchObject({
      status: 502,
      code: 'atlassian_unavailable',
    });
    expect(server.countRequests('/oauth/token')).toBe(1);
  });

  it('maps a slow token endpoint to 504 atlassian_timeout', async () => {
    server.addFault({ kind: 'slow', path: '/oauth/token', delayMs: 1_000 });
    await expect(
      refreshAccessToken(config, server.issueTokens('ada').refresh_token!, undefined, { timeoutMs: 100 }),
    ).rejects.toMatchObject({ status: 504, code: 'atlassian_timeout' });
  });

  it('refuses an answer without a new refresh token (the old one is already disabled)', async () => {
    const fakeFetch = async () =>
      new Response(JSON.stringify({ access_token: 'at', expires_in: 3600, scope: 'read:me' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    await expect(refreshAccessToken(config, 'rt_x', fakeFetch)).rejects.toMatchObject({
      status: 502,
      code: 'atlassian_bad_response',
    });
  });

  it('sends the documented JSON body', async () => {
    let sent: { url: string; body: unknown; type: string | null } | undefined;
    const fakeFetch = async (input: string | URL, init?: RequestInit) => {
      sent = {
        url: String(input),
        body: JSON.parse(String(init?.body)),
        type: new Headers(init?.headers).get('content-type'),
      };
      return new Response(
        JSON.stringify({
          access_token: 'at',
          refresh_token: 'rt_new',
          expires_in: 60,
          scope: 'read:me',
          token_type: 'bearer',
        }),
        { status: 200 },
      );
    };
    await refreshAccessToken({ ...config, authUrl: 'https://auth.example/' }, 'rt_old', fakeFetch);
    expect(sent).toEqual({
      url: 'https://auth.example/oauth/token',
      type: 'application/json',
      body: {
        grant_type: 'refresh_token',
        client_id: config.clientId,
        client_secret: config.clientSecret,
        refresh_token: 'rt_old',
      },
    });
  });
});
