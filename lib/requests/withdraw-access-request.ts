import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { canSeeRequest, canWithdrawRequest } from '@/lib/auth/policy';
import { accessRequests } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { findSiteAccess } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/auth/viewer';
import { conflict, forbidden, notFound } from '@/lib/errors';
import { isAccessRequestId } from './access-request-input';
import { unsafeFindAccessRequest, type AccessRequestDto } from './access-request-dto';

/** The requester takes back their own open request. Admins see it but deny instead (403). */
export async function withdrawAccessRequest(
  db: Database,
  viewer: Viewer,
  requestId: string,
): Promise<AccessRequestDto> {
  const existing = isAccessRequestId(requestId) ? await unsafeFindAccessRequest(db, requestId) : null;
  if (!existing) throw notFound('Access request not found.');
  const facts = { requesterId: existing.requester.id, siteId: existing.site.id };
  if (!canWithdrawRequest(viewer, facts)) {
    const access = await findSiteAccess(db, viewer, existing.site.id);
    if (!canSeeRequest(viewer, facts, access)) throw notFound('Access request not found.');
    throw forbidden('Only the person who asked can withdraw a request.', 'not_requester');
  }
  const [withdrawn] = await db
    .update(accessRequests)
    .set({ status: 'withdrawn', updatedAt: sql`now()` })
    .where(
      and(
        eq(accessRequests.id, requestId),
        eq(accessRequests.status, 'open'),
        eq(accessRequests.requesterId, viewer.userId),
      ),
    )
    .returning({ id: accessRequests.id });
  if (!withdrawn) throw conflict(`This request is already ${existing.status}.`, 'request_not_open');
  const request = await unsafeFindAccessRequest(db, requestId);
  if (!request) throw notFound('Access request not found.');
  return request;
}
