import 'server-only';
import { and, eq, ne, notInArray, sql } from 'drizzle-orm';
import { siteMemberships, sites } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import type { Viewer } from '@/lib/auth/viewer';
import type { DirectorySite } from './types';

/**
 * Stores what Atlassian said about the viewer's sites (sites, and the viewer's role on each, with
 * where the role came from) so
 * that admin lists, access requests and the policy read one place in both modes. A site the
 * viewer no longer reaches loses their membership. Returns the sites with Greenlight's site ids
 * (a site already known by its cloud id keeps its id, e.g. a seeded one).
 *
 * Rows written here are `product-permission` roles (they age out, fresh-rights.ts). On a site of a
 * connected organization the role assignments decide: `admin-api` rows are never overwritten or
 * removed here, and site-access.ts reads a product admin there as a product admin, not as an
 * approximate site admin.
 */
export async function syncSitesOfViewer(
  db: Database,
  viewer: Viewer,
  fetched: DirectorySite[],
): Promise<DirectorySite[]> {
  return db.transaction(async (tx) => {
    const synced: DirectorySite[] = [];
    for (const site of fetched) {
      const [row] = await tx
        .insert(sites)
        .values({
          id: site.id,
          cloudId: site.cloudId,
          name: site.name,
          url: site.url,
          products: site.products,
        })
        .onConflictDoUpdate({
          target: sites.cloudId,
          set: { name: site.name, url: site.url, products: site.products, updatedAt: sql`now()` },
        })
        .returning({ id: sites.id });
      const siteId = row?.id ?? site.id;
      // What 3LO reports is a `product-permission` role (it ages out, fresh-rights.ts).
      const roleSource = site.roleSource ?? 'product-permission';
      // A product admin who confirmed being a site admin stays one while Atlassian still reports
      // the product admin permission: 3LO cannot see site admin, so it has nothing to contradict.
      const keepsConfirmation = and(
        eq(siteMemberships.roleSource, 'self-confirmed'),
        sql`${site.role} = 'product-admin'`,
      );
      await tx
        .insert(siteMemberships)
        .values({ siteId, userId: viewer.userId, role: site.role, roleSource })
        .onConflictDoUpdate({
          target: [siteMemberships.siteId, siteMemberships.userId],
          set: {
            role: sql`case when ${keepsConfirmation} then ${siteMemberships.role} else ${site.role} end`,
            roleSource: sql`case when ${keepsConfirmation} then ${siteMemberships.roleSource} else ${roleSource} end`,
            updatedAt: sql`now()`,
          },
          // A connected organization's role assignments are never overwritten by what 3LO sees.
          setWhere: ne(siteMemberships.roleSource, 'admin-api'),
        });
      synced.push({ ...site, id: siteId });
    }
    const kept = synced.map((site) => site.id);
    await tx
      .delete(siteMemberships)
      .where(
        and(
          eq(siteMemberships.userId, viewer.userId),
          ne(siteMemberships.roleSource, 'admin-api'),
          ...(kept.length ? [notInArray(siteMemberships.siteId, kept)] : []),
        ),
      );
    return synced;
  });
}
