import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as meRoute from '@/app/api/me/route';
import * as appsRoute from '@/app/api/sites/[siteId]/apps/route';
import { buildAuthOptions } from '@/lib/auth/options';
import { findDemoUser } from '@/lib/demo/demo-accounts';
import { decodeSessionToken, type GreenlightToken } from '@/lib/auth/session-token';
import { getConfig } from '@/lib/config';
import { siteMemberships } from '@/lib/db/schema';
import { openAtlassianModeSuite } from '@/tests/support/atlassian-mode';
import { TEST_ORIGIN } from '@/tests/support/requests';

// Atlassian mode end to end below next-auth's HTTP layer: a session cookie holding Atlassian
// tokens, refreshed (rotated) by defineRoute, the directory read from the contract server and
// stored in the database, and a dead refresh token ending the session cleanly.

const ADA = {
  accountId: '712020:ada-0000-4000-8000-000000000001',
  email: 'ada@acme.test',
  name: 'Ada Admin',
};

describe('Atlassian sessions', () => {
  const suite = openAtlassianModeSuite();
  const atlassianCookie = (expiresAt: number) => suite.signIn(ADA, { expiresAt });

  const get = (handler: unknown, path: string, cookie: string, params: Record<string, string> = {}) =>
    (handler as (r: Request, s: { params: Promise<unknown> }) => Promise<Response>)(
      new Request(`${TEST_ORIGIN}${path}`, { headers: { cookie, host: 'localhost:3000' } }),
      { params: Promise.resolve(params) },
    );

  function sessionFromSetCookie(response: Response): Promise<GreenlightToken | null> {
    const header = response.headers
      .getSetCookie()
      .find((value) => value.startsWith('next-auth.session-token='));
    return decodeSessionToken(header?.split(';')[0]!.slice('next-auth.session-token='.length));
  }

  it('answers /api/me from Atlassian, stores the sites and roles, and maps them onto seeded site ids', async () => {
    const { cookie, user } = await atlassianCookie(Math.floor(Date.now() / 1000) + 3600);
    const response = await get(meRoute.GET, '/api/me', cookie);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      user: { email: string };
      sites: { id: string; role: string; products: string[] }[];
    };
    expect(body.user.email).toBe('ada@acme.test');
    // Ada administers Jira there: 3LO shows a product admin, never a site admin.
    expect(body.sites.map((site) => [site.id, site.role])).toEqual([
      ['site-acme', 'product-admin'],
      ['site-acme-sandbox', 'product-admin'],
    ]);
    const stored = await suite.handle.db
      .select()
      .from(siteMemberships)
      .where(eq(siteMemberships.userId, user.id));
    expect(stored.map((row) => [row.siteId, row.role, row.roleSource]).sort()).toEqual([
      ['site-acme', 'product-admin', 'product-permission'],
      ['site-acme-sandbox', 'product-admin', 'product-permission'],
    ]);
    // No refresh was due, so the cookie is left alone.
    expect(response.headers.getSetCookie()).toEqual([]);

    // Within the cache window the next call does not go back to Atlassian.
    const before = suite.server.countRequests('/oauth/token/accessible-resources');
    const apps = await get(appsRoute.GET, '/api/sites/site-acme/apps', cookie, { siteId: 'site-acme' });
    expect(apps.status).toBe(200);
    expect(suite.server.countRequests('/oauth/token/accessible-resources')).toBe(before);
  });

  it('refreshes an expiring access token, rotates the refresh token into the cookie, and never sends tokens in the body', async () => {
    const { cookie, tokens } = await atlassianCookie(Math.floor(Date.now() / 1000) + 10);
    const response = await get(meRoute.GET, '/api/me', cookie);
    expect(response.status).toBe(200);
    const text = await response.text();
    const session = await sessionFromSetCookie(response);
    expect(session?.atlassian?.refreshToken).toBeDefined();
    expect(session!.atlassian!.refreshToken).not.toBe(tokens.refresh_token);
    expect(session!.atlassian!.accessToken).not.toBe(tokens.access_token);
    expect(session!.atlassian!.expiresAt).toBeGreaterThan(Math.floor(Date.now() / 1000) + 600);
    expect(text).not.toContain(session!.atlassian!.accessToken);
    expect(text).not.toContain(tokens.refresh_token!);
    const setCookie = response.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
  });

  it('ends the session cleanly when Atlassian rejects the refresh token (invalid_grant)', async () => {
    const { cookie, tokens } = await atlassianCookie(Math.floor(Date.now() / 1000) - 5);
    // Spend the refresh token elsewhere first: the one in the cookie is now stale.
    const spent = await fetch(`${suite.server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        client_id: suite.server.client.clientId,
        client_secret: suite.server.client.clientSecret,
        refresh_token: tokens.refresh_token,
      }),
    });
    expect(spent.status).toBe(200);

    const response = await get(meRoute.GET, '/api/me', cookie);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'session_expired', message: expect.any(String) },
    });
    const cleared = response.headers
      .getSetCookie()
      .find((value) => value.startsWith('next-auth.session-token='));
    expect(cleared).toMatch(/^next-auth\.session-token=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('the jwt callback keeps Atlassian tokens in the JWT and the session callback never exposes them', async () => {
    const options = buildAuthOptions(getConfig(), findDemoUser);
    const tokens = suite.server.issueTokens(ADA.email);
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    const jwt = (await options.callbacks!.jwt!({
      token: { name: ADA.name, email: ADA.email, sub: ADA.accountId },
      user: { id: ADA.accountId, email: ADA.email, name: ADA.name },
      account: {
        provider: 'atlassian',
        type: 'oauth',
        providerAccountId: ADA.accountId,
        access_token: tokens.access_token,
        refresh_token: tokens.refresh_token!,
        expires_at: expiresAt,
      },
      profile: { account_id: ADA.accountId, email: ADA.email, name: ADA.name } as never,
      trigger: 'signIn',
    })) as GreenlightToken;
    expect(jwt).toMatchObject({
      source: 'atlassian',
      email: ADA.email,
      atlassian: { refreshToken: tokens.refresh_token, expiresAt },
    });
    expect(jwt.userId).toMatch(/.+/);

    const session = await options.callbacks!.session!({
      token: jwt,
      session: { expires: '' },
      user: undefined as never,
    } as never);
    const serialised = JSON.stringify(session);
    expect(serialised).not.toContain(tokens.access_token);
    expect(serialised).not.toContain(tokens.refresh_token!);
    expect(session).toEqual({
      user: { id: jwt.userId, name: ADA.name, email: ADA.email },
      expires: expect.any(String),
    });
  });

  it('the jwt callback (the session endpoint) refreshes an expiring token and rotates the refresh token', async () => {
    const options = buildAuthOptions(getConfig(), findDemoUser);
    const { tokens, token } = await atlassianCookie(0);
    const { sub: _sub, ...fromCookie } = token;
    const before: GreenlightToken = {
      ...fromCookie,
      atlassian: { ...token.atlassian!, expiresAt: Math.floor(Date.now() / 1000) + 5 },
    };
    const after = (await options.callbacks!.jwt!({ token: before } as never)) as GreenlightToken;
    expect(after.atlassian?.refreshToken).toBeDefined();
    expect(after.atlassian!.refreshToken).not.toBe(tokens.refresh_token);
    // A second request still carrying the old cookie gets the same new pair instead of spending
    // the (now disabled) refresh token again.
    const concurrent = (await options.callbacks!.jwt!({ token: before } as never)) as GreenlightToken;
    expect(concurrent.atlassian).toEqual(after.atlassian);
    expect(concurrent.error).toBeUndefined();
  });

  it('offers the Atlassian provider with the configured URLs and scopes', () => {
    const options = buildAuthOptions(getConfig(), findDemoUser);
    const atlassian = options.providers.find((provider) => provider.id === 'atlassian') as unknown as {
      options: { authorization: { url: string; params: { scope: string } }; token: string; userinfo: string };
    };
    expect(atlassian.options.authorization.url).toBe(`${suite.server.url}/authorize`);
    expect(atlassian.options.authorization.params.scope).toContain('offline_access');
    expect(atlassian.options.token).toBe(`${suite.server.url}/oauth/token`);
    expect(atlassian.options.userinfo).toBe(`${suite.server.url}/me`);
    expect(options.session?.strategy).toBe('jwt');
  });
});
