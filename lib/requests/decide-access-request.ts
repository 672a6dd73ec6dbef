import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { canDecideRequest, canSeeRequest } from '@/lib/auth/policy';
import { accessRequests } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { findSiteAccess } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/directory/types';
import { conflict, forbidden, notFound } from '@/lib/http/errors';
import { isAccessRequestId, type DecideAccessRequestInput } from './access-request-input';
import { unsafeFindAccessRequest, type AccessRequestDto } from './access-request-dto';
import { queueNotifications } from './queue-notifications';
import { recordAudit } from './record-audit';
import { unsafeAuthorizeApp } from './set-app-authorization';

/**
 * A site admin approves or denies an open request. Approving authorizes the app on the site (and
 * so approves everyone else's open request for it too). The requester is told either way.
 */
export async function decideAccessRequest(
  db: Database,
  viewer: Viewer,
  requestId: string,
  input: DecideAccessRequestInput,
): Promise<AccessRequestDto> {
  const existing = isAccessRequestId(requestId) ? await unsafeFindAccessRequest(db, requestId) : null;
  if (!existing) throw notFound('Access request not found.');
  const access = await findSiteAccess(db, viewer, existing.site.id);
  const facts = { requesterId: existing.requester.id, siteId: existing.site.id };
  if (!canSeeRequest(viewer, facts, access)) throw notFound('Access request not found.');
  if (!canDecideRequest(access)) throw forbidden('Only a site admin of this site can decide this request.', 'not_site_admin');

  return db.transaction(async (tx) => {
    const status = input.decision === 'approve' ? 'approved' : 'denied';
    // The status condition makes a second decision (or a race with a withdrawal) a clean 409.
    const [decided] = await tx
      .update(accessRequests)
      .set({
        status,
        decidedBy: viewer.userId,
        decisionReason: input.reason ?? null,
        decidedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(accessRequests.id, requestId), eq(accessRequests.status, 'open')))
      .returning({ id: accessRequests.id });
    if (!decided) throw conflict(`This request is already ${existing.status}.`, 'request_not_open');

    await recordAudit(tx, {
      actorUserId: viewer.userId,
      action: status === 'approved' ? 'access_request.approved' : 'access_request.denied',
      siteId: existing.site.id,
      target: requestId,
      details: { appId: existing.app.id, requesterId: existing.requester.id, ...(input.reason ? { reason: input.reason } : {}) },
    });
    if (status === 'approved') {
      await unsafeAuthorizeApp(tx, {
        siteId: existing.site.id,
        appId: existing.app.id,
        actorUserId: viewer.userId,
        via: 'decision',
        requestId,
      });
    }
    await queueNotifications(tx, status === 'approved' ? 'access_request.approved' : 'access_request.denied', [existing.requester.id], {
      requestId,
      siteId: existing.site.id,
      appId: existing.app.id,
      ...(input.reason ? { reason: input.reason } : {}),
    });

    const request = await unsafeFindAccessRequest(tx, requestId);
    if (!request) throw new Error('access request vanished inside its transaction');
    return request;
  });
}
