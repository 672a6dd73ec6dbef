import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import * as confirmationRoute from '@/app/api/sites/[siteId]/admin-confirmation/route';
import * as adminsRoute from '@/app/api/sites/[siteId]/admins/route';
import * as auditLogRoute from '@/app/api/audit-log/route';
import { siteMemberships } from '@/lib/db/schema';
import { DEMO_SITES, seedDemo } from '@/lib/demo/seed-demo';
import { syncSitesOfViewer } from '@/lib/directory/sync';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import type { SiteRole } from '@/lib/auth/roles';
import { callRoute } from '@/tests/support/call-route';
import type { DemoUserKey } from '@/tests/support/session';
import { testBackends, openSuiteDatabase } from '@/tests/support/test-database';

const confirm = (as: DemoUserKey, siteId: string) =>
  callRoute(confirmationRoute.POST, {
    method: 'POST',
    path: `/api/sites/${siteId}/admin-confirmation`,
    params: { siteId },
    body: {},
    as,
  });
const adminsOf = async (as: DemoUserKey, siteId: string) =>
  (
    (await (
      await callRoute(adminsRoute.GET, {
        method: 'GET',
        path: `/api/sites/${siteId}/admins`,
        params: { siteId },
        as,
      })
    ).json()) as { admins: { name: string; role: string; roleSource: string }[] }
  ).admins;

describe.each(testBackends())('a product admin confirming site admin on $name', (backend) => {
  const suite = openSuiteDatabase(backend);
  const setNorasRole = (role: SiteRole) =>
    suite.db
      .update(siteMemberships)
      .set({ role, roleSource: 'product-permission' })
      .where(and(eq(siteMemberships.siteId, 'site-acme'), eq(siteMemberships.userId, 'user-nora')));
  const norasMembership = async () =>
    (
      await suite.db
        .select({ role: siteMemberships.role, roleSource: siteMemberships.roleSource })
        .from(siteMemberships)
        .where(and(eq(siteMemberships.siteId, 'site-acme'), eq(siteMemberships.userId, 'user-nora')))
    )[0];

  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await seedDemo(suite.db);
    await setNorasRole('product-admin');
  });

  it('is not listed among the admins until they confirm; then as a site admin on their own word', async () => {
    expect((await adminsOf('nora', 'site-acme')).map((admin) => admin.name)).not.toContain('Nora User');
    expect(await adminsOf('nora', 'site-acme')).toContainEqual(
      expect.objectContaining({ name: 'Ada Admin', role: 'org-admin' }),
    );
    const response = await confirm('nora', 'site-acme');
    expect(response.status).toBe(200);
    expect(await norasMembership()).toEqual({ role: 'site-admin', roleSource: 'self-confirmed' });
    expect(await adminsOf('nora', 'site-acme')).toContainEqual(
      expect.objectContaining({ name: 'Nora User', role: 'site-admin', roleSource: 'self-confirmed' }),
    );
  });

  it("shows the site's other admins in the audit log who became an admin on their own word", async () => {
    type Entry = {
      action: string;
      actor: { name: string } | null;
      site: { id: string } | null;
      details: object;
    };
    const selfConfirmations = async () => {
      const response = await callRoute(auditLogRoute.GET, {
        method: 'GET',
        path: '/api/audit-log?action=site_admin.self_confirmed',
        as: 'ada',
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { entries: Entry[] }).entries;
    };
    const before = (await selfConfirmations()).length;
    await confirm('nora', 'site-acme');
    const entries = await selfConfirmations();
    expect(entries).toHaveLength(before + 1);
    // Newest first.
    expect(entries[0]).toEqual(
      expect.objectContaining({
        action: 'site_admin.self_confirmed',
        actor: expect.objectContaining({ name: 'Nora User' }),
        site: expect.objectContaining({ id: 'site-acme' }),
        details: { was: 'product-admin' },
      }),
    );
    // Confirming again changes nothing and writes nothing.
    await confirm('nora', 'site-acme');
    expect(await selfConfirmations()).toHaveLength(before + 1);
  });

  it('refuses a plain user (403) and a non-member (404), and changes nothing', async () => {
    await setNorasRole('user');
    expect((await confirm('nora', 'site-acme')).status).toBe(403);
    expect(await norasMembership()).toEqual({ role: 'user', roleSource: 'product-permission' });
    expect((await confirm('gus', 'site-acme')).status).toBe(404);
  });

  it('keeps the confirmation through an Atlassian sync that still sees the product admin, not one that sees a user', async () => {
    await confirm('nora', 'site-acme');
    const viewer = {
      userId: 'user-nora',
      accountId: 'x',
      email: 'nora@acme.test',
      name: 'Nora User',
      source: 'atlassian' as const,
    };
    const acme = {
      id: 'site-acme',
      cloudId: DEMO_SITES[0].cloudId,
      name: 'acme',
      url: 'https://acme.atlassian.net',
      products: ['jira' as const],
      roleSource: 'product-permission' as const,
    };
    await syncSitesOfViewer(suite.db, viewer, [{ ...acme, role: 'product-admin' }]);
    expect(await norasMembership()).toEqual({ role: 'site-admin', roleSource: 'self-confirmed' });
    await syncSitesOfViewer(suite.db, viewer, [{ ...acme, role: 'user' }]);
    expect(await norasMembership()).toEqual({ role: 'user', roleSource: 'product-permission' });
  });
});
