import { afterAll, beforeAll, expect, it } from 'vitest';
import { Issuer } from 'openid-client';
import {
  startAtlassianContractServer,
  type AtlassianContractServer,
} from '@/tests/support/atlassian-contract-server';

// next-auth 4 talks OAuth through openid-client 5 (its own dependency): client_secret_basic with
// a form body, not the JSON Atlassian documents. This proves the contract server accepts exactly
// that transport, so a Playwright sign-in against it exercises the real next-auth path.

let server: AtlassianContractServer;

beforeAll(async () => {
  server = await startAtlassianContractServer();
});
afterAll(async () => {
  await server.close();
});

it('completes authorize, code exchange, userinfo and refresh the way next-auth drives them', async () => {
  const redirectUri = server.client.redirectUris[0]!;
  const issuer = new Issuer({
    issuer: 'https://auth.atlassian.com',
    authorization_endpoint: `${server.url}/authorize`,
    token_endpoint: `${server.url}/oauth/token`,
    userinfo_endpoint: `${server.url}/me`,
  });
  const client = new issuer.Client({
    client_id: server.client.clientId,
    client_secret: server.client.clientSecret,
    redirect_uris: [redirectUri],
    response_types: ['code'],
  });
  // The params next-auth's built-in Atlassian provider adds (facts §1.4).
  const url = client.authorizationUrl({
    audience: 'api.atlassian.com',
    prompt: 'consent',
    scope: 'read:me offline_access read:jira-work',
    state: 'state-1',
    redirect_uri: redirectUri,
    login_hint: 'sam@acme.test',
  });
  const redirect = await fetch(url, { redirect: 'manual' });
  const params = client.callbackParams(redirect.headers.get('location')!);

  const tokens = await client.oauthCallback(redirectUri, params, { state: 'state-1' });
  expect(tokens.refresh_token).toMatch(/^rt_/);
  expect(await client.userinfo(tokens)).toMatchObject({ email: 'sam@acme.test', name: 'Sam Sandbox' });

  const refreshed = await client.refresh(tokens.refresh_token!);
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  await expect(client.refresh(tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
});
