import 'server-only';
import { canSeeRequest } from '@/lib/auth/policy';
import type { Executor } from '@/lib/db/types';
import { findSiteAccess } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/auth/viewer';
import { notFound } from '@/lib/errors';
import { isAccessRequestId } from './access-request-input';
import { unsafeFindAccessRequest, type AccessRequestDto } from './access-request-dto';

/** One request, for its requester or an admin of its site; everyone else gets 404. */
export async function getAccessRequest(
  db: Executor,
  viewer: Viewer,
  requestId: string,
): Promise<AccessRequestDto> {
  const request = isAccessRequestId(requestId) ? await unsafeFindAccessRequest(db, requestId) : null;
  if (!request) throw notFound('Access request not found.');
  const facts = { requesterId: request.requester.id, siteId: request.site.id };
  const access =
    facts.requesterId === viewer.userId ? null : await findSiteAccess(db, viewer, request.site.id);
  if (!canSeeRequest(viewer, facts, access)) throw notFound('Access request not found.');
  return request;
}
