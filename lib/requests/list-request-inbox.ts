import 'server-only';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { assertConsoleSiteFilter, assertCanUseAdminConsole } from '@/lib/auth/policy';
import { ACCESS_REQUEST_STATUSES, accessRequests, apps } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { listSitesOfViewer } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/auth/viewer';
import { parseWith } from '@/lib/validate-input';
import { trimmedIdSchema } from '@/lib/ids';
import { selectAccessRequests, toAccessRequestDto, type AccessRequestDto } from './access-request-dto';

const INBOX_LIMIT = 200;

const inboxQuery = z
  .object({
    siteId: trimmedIdSchema.optional(),
    appId: trimmedIdSchema.optional(),
    status: z.enum([...ACCESS_REQUEST_STATUSES, 'all']).default('open'),
  })
  .strict();

/** The filters as a page or caller hands them over (plain strings); checked here against inboxQuery. */
export type InboxFilters = { [K in keyof z.input<typeof inboxQuery>]?: string };

export interface InboxRequest extends AccessRequestDto {
  scopes: string[];
}

export interface RequestInbox {
  /** The sites the viewer administers: the site filter's choices. */
  sites: { id: string; name: string; url: string }[];
  apps: { id: string; name: string }[];
  requests: InboxRequest[];
}

/**
 * Access requests on every site the viewer administers, oldest first (the longest wait leads).
 * 404 for someone who administers no site, or who filters by a site they do not administer.
 */
export async function listRequestInbox(
  db: Executor,
  viewer: Viewer,
  rawQuery: InboxFilters,
): Promise<RequestInbox> {
  const query = parseWith(inboxQuery, rawQuery);
  const administered = (await listSitesOfViewer(db, viewer)).filter((site) => site.role === 'site-admin');
  const administeredIds = administered.map((site) => site.id);
  assertCanUseAdminConsole(administeredIds);
  if (query.siteId) assertConsoleSiteFilter(administeredIds, query.siteId);

  const conditions: SQL[] = [inArray(accessRequests.siteId, query.siteId ? [query.siteId] : administeredIds)];
  if (query.appId) conditions.push(eq(accessRequests.appId, query.appId));
  if (query.status !== 'all') conditions.push(eq(accessRequests.status, query.status));

  const [rows, appRows] = await Promise.all([
    selectAccessRequests(db)
      .where(and(...conditions))
      // Open work: oldest first. Everything else: what happened last first.
      .orderBy(
        query.status === 'open' ? asc(accessRequests.createdAt) : desc(accessRequests.updatedAt),
        asc(accessRequests.id),
      )
      .limit(INBOX_LIMIT),
    db.select({ id: apps.id, name: apps.name, scopes: apps.scopes }).from(apps).orderBy(asc(apps.name)),
  ]);
  const scopesByApp = new Map(appRows.map((app) => [app.id, app.scopes]));
  return {
    sites: administered.map(({ id, name, url }) => ({ id, name, url })),
    apps: appRows.map(({ id, name }) => ({ id, name })),
    requests: rows.map((row) => ({ ...toAccessRequestDto(row), scopes: scopesByApp.get(row.appId) ?? [] })),
  };
}
