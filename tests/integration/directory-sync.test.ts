import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertSignedInUser } from '@/lib/auth/upsert-signed-in-user';
import type { DatabaseHandle } from '@/lib/db/client';
import { siteMemberships, sites } from '@/lib/db/schema';
import { DEMO_SITES, seedDemo } from '@/lib/demo/seed-demo';
import { listSitesOfViewer } from '@/lib/directory/site-access';
import { syncSitesOfViewer } from '@/lib/directory/sync';
import type { Viewer } from '@/lib/auth/viewer';
import type { DirectorySite } from '@/lib/directory/types';
import { testBackends } from '@/tests/support/test-database';

describe.each(testBackends())('syncing Atlassian sites into the database on $name', (backend) => {
  let handle: DatabaseHandle;
  let viewer: Viewer;

  beforeAll(async () => {
    handle = await backend.open();
    await seedDemo(handle.db);
    const user = await upsertSignedInUser(handle.db, {
      accountId: '712020:zoe',
      email: 'zoe@acme.test',
      name: 'Zoe',
    });
    viewer = {
      userId: user.id,
      accountId: user.accountId,
      email: user.email,
      name: user.name,
      source: 'atlassian',
    };
  });
  afterAll(async () => handle.close());

  const acme: DirectorySite = {
    id: `cloud-${DEMO_SITES[0].cloudId}`,
    cloudId: DEMO_SITES[0].cloudId,
    name: 'acme',
    url: 'https://acme.atlassian.net',
    products: ['jira', 'confluence'],
    role: 'site-admin',
  };
  const newSite: DirectorySite = {
    id: 'cloud-11111111-2222-4333-8444-555555555555',
    cloudId: '11111111-2222-4333-8444-555555555555',
    name: 'initech',
    url: 'https://initech.atlassian.net',
    products: ['jira'],
    role: 'user',
  };

  it('keeps the id of a site it already knows by cloud id and creates unknown sites', async () => {
    const synced = await syncSitesOfViewer(handle.db, viewer, [acme, newSite]);
    expect(synced.map((site) => [site.id, site.role])).toEqual([
      ['site-acme', 'site-admin'],
      [newSite.id, 'user'],
    ]);
    expect((await handle.db.select().from(sites).where(eq(sites.id, newSite.id)))[0]).toMatchObject({
      organizationId: null,
      name: 'initech',
    });
    expect((await listSitesOfViewer(handle.db, viewer)).map((site) => site.id)).toEqual([
      'site-acme',
      newSite.id,
    ]);
  });

  it('updates roles and drops memberships of sites the user no longer reaches', async () => {
    await syncSitesOfViewer(handle.db, viewer, [{ ...acme, role: 'user' }]);
    const rows = await handle.db
      .select()
      .from(siteMemberships)
      .where(eq(siteMemberships.userId, viewer.userId));
    expect(rows.map((row) => [row.siteId, row.role])).toEqual([['site-acme', 'user']]);
    await syncSitesOfViewer(handle.db, viewer, []);
    expect(await listSitesOfViewer(handle.db, viewer)).toEqual([]);
    // Other people's memberships are untouched.
    expect(
      (await handle.db.select().from(siteMemberships).where(eq(siteMemberships.userId, 'user-nora'))).length,
    ).toBe(1);
  });
});
