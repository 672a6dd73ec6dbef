import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import { accessRequests } from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { callRoute } from '@/tests/support/call-route';
import { testBackends, openSuiteDatabase } from '@/tests/support/test-database';

// The seeded client id of DocuFlow (lib/demo/seed-demo.ts).
const DOCUFLOW_CLIENT_ID = 'DocF3aR8kP1sV6nQ2wE9tY4uI7oL5mZx';
const STATE = 'nora-csrf-token-7c1e';
const CODE = 'authorization-code-9d8e';

const consentPage = (extra: Record<string, string> = {}) => {
  const url = new URL('https://auth.atlassian.com/authorize');
  const params = {
    audience: 'api.atlassian.com',
    client_id: DOCUFLOW_CLIENT_ID,
    scope: 'read:me read:confluence-content.all',
    redirect_uri: 'https://docuflow.example.com/oauth/callback',
    state: STATE,
    response_type: 'code',
    prompt: 'consent',
    ...extra,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
};

const ask = (appId: string, consentUrl: string) =>
  callRoute(accessRequestsRoute.POST, {
    method: 'POST',
    path: '/api/access-requests',
    body: { siteId: 'site-acme', appId, consentUrl },
    as: 'nora',
  });

describe.each(testBackends())('an access request with the consent page on $name', (backend) => {
  const suite = openSuiteDatabase(backend);
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await suite.db.execute('truncate access_requests, notification_outbox, audit_log cascade');
    await seedDemo(suite.db);
  });
  const storedRows = () => suite.db.select().from(accessRequests);

  it("stores the app's client id, scopes and callback, and never the state or a code", async () => {
    const response = await ask('app-docuflow', consentPage({ code: CODE }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { request: { consent: unknown } };
    expect(body.request.consent).toEqual({
      clientId: DOCUFLOW_CLIENT_ID,
      scopes: ['read:me', 'read:confluence-content.all'],
      redirectUri: 'https://docuflow.example.com/oauth/callback',
      redirectHost: 'docuflow.example.com',
      appClientId: DOCUFLOW_CLIENT_ID,
    });
    const rows = await storedRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      consentClientId: DOCUFLOW_CLIENT_ID,
      consentScopes: ['read:me', 'read:confluence-content.all'],
      consentRedirectUri: 'https://docuflow.example.com/oauth/callback',
    });
    // Every column of the row, and the whole table as PostgreSQL prints it.
    const everything =
      JSON.stringify(rows) + JSON.stringify(await suite.db.execute('select * from access_requests'));
    expect(everything).not.toContain(STATE);
    expect(everything).not.toContain(CODE);
  });

  it.each([
    ['a foreign host', consentPage().replace('auth.atlassian.com', 'login.example.com')],
    ['plain http', consentPage().replace('https:', 'http:')],
    ['garbage', '%%% not an address'],
    ['a very long address', consentPage({ scope: 'read:me '.repeat(1000) })],
    [
      "the app's callback with its code",
      `https://docuflow.example.com/oauth/callback?code=${CODE}&state=${STATE}`,
    ],
  ])('refuses %s with a field error and stores nothing', async (_name, consentUrl) => {
    const response = await ask('app-docuflow', consentUrl);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_consent_url');
    expect(body.error.message).toMatch(/^consentUrl: /);
    expect(await storedRows()).toEqual([]);
  });

  it("refuses another app's consent page, matched by client id", async () => {
    const response = await ask('app-roadmap', consentPage());
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'This consent page is for DocuFlow',
    );
    expect(await storedRows()).toEqual([]);
  });

  it('adds the consent page to an open request asked again', async () => {
    expect(
      (
        await callRoute(accessRequestsRoute.POST, {
          method: 'POST',
          path: '/api/access-requests',
          body: { siteId: 'site-acme', appId: 'app-docuflow' },
          as: 'nora',
        })
      ).status,
    ).toBe(201);
    const again = await ask('app-docuflow', consentPage());
    expect(again.status).toBe(200);
    const [row] = await suite.db
      .select()
      .from(accessRequests)
      .where(eq(accessRequests.appId, 'app-docuflow'));
    expect(row?.consentClientId).toBe(DOCUFLOW_CLIENT_ID);
  });
});
