import 'server-only';
import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { assertCanSeeSite } from '@/lib/auth/policy';
import { accessRequests } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { findSiteAccess, listAdministeredSiteIds } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/auth/viewer';
import type { ListAccessRequestsQuery } from './access-request-input';
import { selectAccessRequests, toAccessRequestDto, type AccessRequestDto } from './access-request-dto';

const LIST_LIMIT = 200;

/** A requester sees their own requests; a site admin also sees every request on their sites. */
export async function listAccessRequests(
  db: Executor,
  viewer: Viewer,
  query: ListAccessRequestsQuery,
): Promise<AccessRequestDto[]> {
  if (query.siteId) assertCanSeeSite(await findSiteAccess(db, viewer, query.siteId));
  const administered = await listAdministeredSiteIds(db, viewer);

  const mine = eq(accessRequests.requesterId, viewer.userId);
  const toDecide = administered.length ? inArray(accessRequests.siteId, administered) : undefined;
  // Built explicitly: an undefined filter must never widen the query to everyone's requests.
  let visible: SQL | undefined;
  if (query.scope === 'mine') visible = mine;
  else if (query.scope === 'to-decide') visible = toDecide;
  else visible = toDecide ? or(mine, toDecide) : mine;
  if (!visible) return [];

  const conditions: SQL[] = [visible];
  if (query.siteId) conditions.push(eq(accessRequests.siteId, query.siteId));
  if (query.status) conditions.push(eq(accessRequests.status, query.status));

  const rows = await selectAccessRequests(db)
    .where(and(...conditions))
    .orderBy(desc(accessRequests.createdAt), desc(accessRequests.id))
    .limit(LIST_LIMIT);
  return rows.map(toAccessRequestDto);
}
