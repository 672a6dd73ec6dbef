import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as meRoute from '@/app/api/me/route';
import { siteMemberships } from '@/lib/db/schema';
import { listAdministeredSiteIds } from '@/lib/directory/site-access';
import { unsafeListSiteAdmins } from '@/lib/directory/list-site-admins';
import { openAtlassianModeSuite } from '@/tests/support/atlassian-mode';
import { TEST_ORIGIN } from '@/tests/support/requests';

// Issue 14.10 without a connected organization: an Atlassian sign-in's admin rights count only
// while synced within ADMIN_RIGHTS_TTL_MINUTES, and a refresh token Atlassian rejects removes them.

const SAM = {
  accountId: '712020:sam-0000-4000-8000-000000000002',
  email: 'sam@acme.test',
  name: 'Sam Sandbox',
};

describe('admin rights from an Atlassian sign-in', () => {
  const suite = openAtlassianModeSuite();
  const me = (cookie: string) =>
    (meRoute.GET as (r: Request, s: { params: Promise<unknown> }) => Promise<Response>)(
      new Request(`${TEST_ORIGIN}/api/me`, { headers: { cookie, host: 'localhost:3000' } }),
      { params: Promise.resolve({}) },
    );
  const viewerOf = (userId: string) => ({ userId, ...SAM, source: 'atlassian' as const });

  it('are trusted for the TTL after the sync that stored them, then not (console and recipients)', async () => {
    const { cookie, user } = await suite.signIn(SAM);
    expect((await me(cookie)).status).toBe(200);
    const [row] = await suite.handle.db
      .select()
      .from(siteMemberships)
      .where(and(eq(siteMemberships.userId, user.id), eq(siteMemberships.siteId, 'site-acme-sandbox')));
    // 3LO sees Sam's product admin permission only: that grants no admin rights by itself.
    expect(row).toMatchObject({ role: 'product-admin', roleSource: 'product-permission' });
    expect(await listAdministeredSiteIds(suite.handle.db, viewerOf(user.id))).toEqual([]);
    // Sam confirms being a site admin (as POST /api/sites/{id}/admin-confirmation stores it); the
    // next sync renews the confirmation while the product admin permission is still there.
    await suite.handle.db
      .update(siteMemberships)
      .set({ role: 'site-admin', roleSource: 'self-confirmed' })
      .where(and(eq(siteMemberships.userId, user.id), eq(siteMemberships.siteId, 'site-acme-sandbox')));
    expect((await me(cookie)).status).toBe(200);
    expect(await listAdministeredSiteIds(suite.handle.db, viewerOf(user.id))).toEqual(['site-acme-sandbox']);

    await suite.handle.db
      .update(siteMemberships)
      .set({ updatedAt: sql`now() - interval '16 minutes'` })
      .where(eq(siteMemberships.userId, user.id));
    expect(await listAdministeredSiteIds(suite.handle.db, viewerOf(user.id))).toEqual([]);
    expect(
      (await unsafeListSiteAdmins(suite.handle.db, 'site-acme-sandbox')).map((admin) => admin.id),
    ).not.toContain(user.id);
  });

  it('are removed when Atlassian rejects the refresh token', async () => {
    // Stored by a first request, then the grant is revoked and the access token is due for refresh.
    const first = await suite.signIn(SAM);
    expect((await me(first.cookie)).status).toBe(200);
    const expiring = await suite.signIn(SAM, { expiresAt: Math.floor(Date.now() / 1000) + 10 });
    suite.server.revokeRefreshTokens();
    const response = await me(expiring.cookie);
    expect(response.status).toBe(401);
    const left = await suite.handle.db
      .select()
      .from(siteMemberships)
      .where(
        and(
          eq(siteMemberships.userId, first.user.id),
          inArray(siteMemberships.roleSource, ['product-permission', 'self-confirmed']),
        ),
      );
    expect(left).toEqual([]);
    expect(await listAdministeredSiteIds(suite.handle.db, viewerOf(first.user.id))).toEqual([]);
  });
});
