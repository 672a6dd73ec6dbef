import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildAuthOptions } from '@/lib/auth/options';
import { findDemoUser } from '@/lib/demo/demo-accounts';
import { parseConfig } from '@/lib/config';
import { accessRequests, apps, siteAppStatus, sites, users } from '@/lib/db/schema';
import { DEMO_SITES, seedDemo } from '@/lib/demo/seed-demo';
import { createLocalDirectory } from '@/lib/directory/local';
import { testBackends, openSuiteDatabase } from '@/tests/support/test-database';

const providerId = (provider: { id: string; options?: unknown }) =>
  (provider.options as { id?: string } | undefined)?.id ?? provider.id;

describe.each(testBackends())('demo seed on $name', (backend) => {
  const suite = openSuiteDatabase(backend);

  it('seeds the demo organisations and roles, and the local directory reads them', async () => {
    await seedDemo(suite.db);
    const roles = async (userId: string) =>
      (
        await createLocalDirectory(suite.db, {
          userId,
          accountId: '',
          email: '',
          name: '',
          source: 'local',
        }).sites()
      ).map((site) => [site.id, site.role]);
    expect(await roles('user-ada')).toEqual([
      ['site-acme', 'site-admin'],
      ['site-acme-sandbox', 'site-admin'],
    ]);
    expect(await roles('user-sam')).toEqual([
      ['site-acme', 'user'],
      ['site-acme-sandbox', 'site-admin'],
    ]);
    expect(await roles('user-nora')).toEqual([['site-acme', 'user']]);
    expect(await roles('user-gus')).toEqual([['site-globex', 'site-admin']]);
    const globex = (await suite.db.select().from(sites).where(eq(sites.id, 'site-globex')))[0];
    expect(globex).toMatchObject({
      url: 'https://globex.atlassian.net',
      products: ['jira', 'jsm'],
      cloudId: DEMO_SITES[2].cloudId,
    });
  });

  it('is idempotent and leaves changes made in the app alone', async () => {
    await suite.db
      .update(siteAppStatus)
      .set({ status: 'not-authorized' })
      .where(and(eq(siteAppStatus.siteId, 'site-acme'), eq(siteAppStatus.appId, 'app-timesheets')));
    await suite.db
      .insert(users)
      .values({ id: 'someone-else', accountId: 'acc-x', email: 'x@example.test', name: 'X' });
    await suite.db
      .insert(accessRequests)
      .values({ requesterId: 'someone-else', siteId: 'site-acme', appId: 'app-docuflow' });
    await seedDemo(suite.db);
    await seedDemo(suite.db);
    const [status] = await suite.db
      .select({ status: siteAppStatus.status })
      .from(siteAppStatus)
      .where(and(eq(siteAppStatus.siteId, 'site-acme'), eq(siteAppStatus.appId, 'app-timesheets')));
    expect(status?.status).toBe('not-authorized');
    expect(await suite.db.select().from(accessRequests)).toHaveLength(1);
    expect((await suite.db.select().from(users)).length).toBe(5);
    expect((await suite.db.select().from(apps)).map((app) => app.id).sort()).toEqual([
      'app-docuflow',
      'app-roadmap',
      'app-timesheets',
    ]);
  });

  it('demo sign-in accepts a seeded e-mail only', async () => {
    const options = buildAuthOptions(parseConfig({ NODE_ENV: 'test' }), findDemoUser);
    // next-auth applies a provider's own options (id included) when it starts; read them the same way.
    const demo = options.providers.find((provider) => providerId(provider) === 'demo') as unknown as {
      options: { authorize: (credentials: Record<string, string>) => Promise<unknown> };
    };
    expect(await demo.options.authorize({ email: ' Nora@acme.test ' })).toMatchObject({
      id: 'user-nora',
      name: 'Nora User',
    });
    expect(await demo.options.authorize({ email: 'x@example.test' })).toBeNull();
    expect(await demo.options.authorize({ email: '' })).toBeNull();
  });
});

describe('auth configuration', () => {
  const secret = 'a'.repeat(40);
  const url = 'https://help.example.com';
  it('requires a strong NEXTAUTH_SECRET in production, but not while building', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/NEXTAUTH_SECRET is required/);
    expect(() => parseConfig({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'short' })).toThrow(/at least 32/);
    expect(
      parseConfig({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url }).authSecret,
    ).toBe(secret);
    expect(() => parseConfig({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).not.toThrow();
  });

  it('uses Secure cookies under https only', () => {
    expect(parseConfig({ NEXTAUTH_URL: 'https://help.example.com' }).secureCookies).toBe(true);
    expect(parseConfig({ NEXTAUTH_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
    expect(
      buildAuthOptions(parseConfig({ NEXTAUTH_URL: 'https://help.example.com' }), findDemoUser)
        .useSecureCookies,
    ).toBe(true);
  });

  it('offers demo sign-in only outside production-with-Atlassian', () => {
    const atlassian = { ATLASSIAN_CLIENT_ID: 'id', ATLASSIAN_CLIENT_SECRET: 'secret' };
    const ids = (env: Record<string, string>) =>
      buildAuthOptions(parseConfig(env), findDemoUser).providers.map(providerId);
    expect(ids({ NODE_ENV: 'development' })).toEqual(['demo']);
    expect(ids({ NODE_ENV: 'development', ...atlassian })).toEqual(['atlassian']);
    expect(ids({ NODE_ENV: 'development', GREENLIGHT_DEMO: '1', ...atlassian })).toEqual([
      'atlassian',
      'demo',
    ]);
    expect(
      ids({
        NODE_ENV: 'production',
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: url,
        GREENLIGHT_DEMO: '1',
        ...atlassian,
      }),
    ).toEqual(['atlassian']);
  });
});
