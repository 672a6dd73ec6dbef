import 'server-only';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { assertConsoleSiteFilter, assertCanUseAdminConsole } from '@/lib/auth/policy';
import { apps, auditLog, sites, users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { listAdministeredSiteIds } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/auth/viewer';
import { trimmedIdSchema } from '@/lib/ids';
import { AUDIT_ACTIONS } from '@/lib/db/audit-log';

const AUDIT_LIMIT = 200;

export const auditQuery = z
  .object({
    siteId: trimmedIdSchema.optional(),
    actorId: trimmedIdSchema.optional(),
    action: z.enum(AUDIT_ACTIONS as [string, ...string[]]).optional(),
  })
  .strict();

export type AuditQuery = z.infer<typeof auditQuery>;

export interface AuditEntryDto {
  id: string;
  at: string;
  action: string;
  /** Null for changes Greenlight made itself (expiry, pre-approval). */
  actor: { id: string; name: string; email: string } | null;
  site: { id: string; name: string } | null;
  target: string;
  /** The app's name when the target is an app, else null. */
  targetLabel: string | null;
  details: Record<string, unknown>;
}

/** The audit log of the sites the viewer administers, newest first; 404 for anyone else. */
export async function listAuditEntries(
  db: Executor,
  viewer: Viewer,
  query: AuditQuery,
): Promise<AuditEntryDto[]> {
  const administered = await listAdministeredSiteIds(db, viewer);
  assertCanUseAdminConsole(administered);
  if (query.siteId) assertConsoleSiteFilter(administered, query.siteId);

  const conditions: SQL[] = [inArray(auditLog.siteId, query.siteId ? [query.siteId] : administered)];
  if (query.actorId) conditions.push(eq(auditLog.actorUserId, query.actorId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));

  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorId: users.id,
      actorName: users.name,
      actorEmail: users.email,
      siteId: sites.id,
      siteName: sites.name,
      target: auditLog.target,
      appName: apps.name,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(sites, eq(sites.id, auditLog.siteId))
    .leftJoin(apps, eq(apps.id, auditLog.target))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_LIMIT);

  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actor:
      row.actorId && row.actorName && row.actorEmail
        ? { id: row.actorId, name: row.actorName, email: row.actorEmail }
        : null,
    site: row.siteId && row.siteName ? { id: row.siteId, name: row.siteName } : null,
    target: row.target,
    targetLabel: row.appName,
    details: row.details,
  }));
}

/** People who appear as actors in the viewer's audit log: the choices of the actor filter. */
export async function listAuditActors(db: Executor, viewer: Viewer): Promise<{ id: string; name: string }[]> {
  const administered = await listAdministeredSiteIds(db, viewer);
  assertCanUseAdminConsole(administered);
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorUserId))
    .where(inArray(auditLog.siteId, administered))
    .orderBy(users.name);
}
