import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { organizationAdmins, siteMemberships } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { logger } from '@/lib/log';

/**
 * Atlassian rejected the user's refresh token (revoked, or the grant ended): what their own
 * sign-in told Greenlight about their roles (and their own confirmation on top of it) is no longer backed by
 * anything, so it goes. Roles
 * from a connected organization's role assignments (`admin-api`) do not depend on the user's
 * token and stay; the local directory is not Atlassian's to change.
 */
export async function forgetSyncedRights(db: Executor, userId: string): Promise<void> {
  await db
    .delete(siteMemberships)
    .where(
      and(
        eq(siteMemberships.userId, userId),
        inArray(siteMemberships.roleSource, ['product-permission', 'self-confirmed']),
      ),
    );
  await db
    .delete(organizationAdmins)
    .where(
      and(eq(organizationAdmins.userId, userId), eq(organizationAdmins.roleSource, 'product-permission')),
    );
}

/** The same, best effort, from a session being resolved: a database outage must not fail the request. */
export async function forgetSyncedRightsQuietly(userId: string): Promise<void> {
  try {
    await forgetSyncedRights(await getDb(), userId);
  } catch (error) {
    logger.warn(
      { userId, err: error instanceof Error ? error.name : 'unknown' },
      'synced rights not removed',
    );
  }
}
