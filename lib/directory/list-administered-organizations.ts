import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { organizationAdmins } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import type { Viewer } from '@/lib/auth/viewer';

/** Ids of the organisations the viewer is an org admin of (the facts for org-wide policy checks). */
export async function listAdministeredOrganizationIds(db: Executor, viewer: Viewer): Promise<string[]> {
  const rows = await db
    .select({ organizationId: organizationAdmins.organizationId })
    .from(organizationAdmins)
    .where(eq(organizationAdmins.userId, viewer.userId))
    .orderBy(asc(organizationAdmins.organizationId));
  return rows.map((row) => row.organizationId);
}
