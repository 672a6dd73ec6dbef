import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { organizationAdmins } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import type { Viewer } from '@/lib/auth/viewer';
import { freshRightSql, rightsCutoff } from './fresh-rights';

/**
 * Ids of the organisations the viewer is an org admin of (the facts for org-wide policy checks);
 * a role synced from Atlassian counts only while fresh.
 */
export async function listAdministeredOrganizationIds(db: Executor, viewer: Viewer): Promise<string[]> {
  const rows = await db
    .select({ organizationId: organizationAdmins.organizationId })
    .from(organizationAdmins)
    .where(
      and(
        eq(organizationAdmins.userId, viewer.userId),
        freshRightSql(organizationAdmins.roleSource, organizationAdmins.syncedAt, rightsCutoff()),
      ),
    )
    .orderBy(asc(organizationAdmins.organizationId));
  return rows.map((row) => row.organizationId);
}
