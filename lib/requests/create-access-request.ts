import 'server-only';
import { and, eq } from 'drizzle-orm';
import { assertCanSeeSite } from '@/lib/auth/policy';
import { findUserLocale } from '@/lib/auth/user-locale';
import { accessRequests, apps, preApprovedApps, siteAppStatus } from '@/lib/db/schema';
import { logger } from '@/lib/log';
import type { Database } from '@/lib/db/types';
import { unsafeListSiteAdmins } from '@/lib/directory/list-site-admins';
import { findSiteAccess } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/auth/viewer';
import { AppError, conflict } from '@/lib/errors';
import { readConsentUrl, type ConsentIdentity } from '@/lib/flows/consent-url';
import type { Executor } from '@/lib/db/types';
import type { CreateAccessRequestInput } from './access-request-input';
import { unsafeFindAccessRequest, type AccessRequestDto } from './access-request-dto';
import { unsafeFindFallbackRoute } from './fallback-routes';
import { queueEmailNotifications, queueNotifications } from './queue-notifications';
import { assertAppExists, unsafeAuthorizeApp } from './set-app-authorization';
import { shouldNotifyOfNewRequest } from './new-request-notice';
import { lockSiteApp } from './site-app-lock';

export interface CreateAccessRequestResult {
  request: AccessRequestDto;
  /** False when the viewer already had an open request for this app on this site. */
  created: boolean;
}

/**
 * A member asks the site's admins to authorize an app. At most one open request per person, site
 * and app (a partial unique index decides races); the admins are notified unless the same request
 * was just filed and withdrawn, or the person has filed many today (new-request-notice.ts). A pre-approved app is authorized at once; the
 * site-and-app lock orders this with pre-approving the app, so the request is approved by one or
 * the other, never left open.
 */
export async function createAccessRequest(
  db: Database,
  viewer: Viewer,
  input: CreateAccessRequestInput,
): Promise<CreateAccessRequestResult> {
  const access = await findSiteAccess(db, viewer, input.siteId);
  assertCanSeeSite(access);
  await assertAppExists(db, input.appId);
  // Read before anything is written: a bad address stores nothing, not even the request.
  const consent = input.consentUrl?.trim()
    ? await readConsentForApp(db, input.consentUrl, input.appId)
    : null;
  // Only these three, picked by name (consent-url.ts says why state and codes are never kept).
  const consentColumns = consent
    ? {
        consentClientId: consent.clientId,
        consentScopes: consent.scopes,
        consentRedirectUri: consent.redirectUri,
      }
    : {};
  // The message is kept as written; its language is marked so readers' screen readers say it right.
  const messageLocale = input.message ? await findUserLocale(db, viewer.userId) : null;

  return db.transaction(async (tx) => {
    await lockSiteApp(tx, input);
    const onSite = and(eq(siteAppStatus.siteId, input.siteId), eq(siteAppStatus.appId, input.appId));
    const [status] = await tx.select({ status: siteAppStatus.status }).from(siteAppStatus).where(onSite);
    if (status?.status === 'authorized') {
      throw conflict(
        'This app is already authorized on this site. Try connecting it again.',
        'app_already_authorized',
      );
    }

    // ON CONFLICT DO NOTHING: a concurrent duplicate waits for the first insert, then inserts nothing.
    const [inserted] = await tx
      .insert(accessRequests)
      .values({
        requesterId: viewer.userId,
        siteId: input.siteId,
        appId: input.appId,
        message: input.message ?? null,
        messageLocale,
        ...consentColumns,
      })
      .onConflictDoNothing()
      .returning({ id: accessRequests.id });
    const requestId =
      inserted?.id ??
      (
        await tx
          .select({ id: accessRequests.id })
          .from(accessRequests)
          .where(
            and(
              eq(accessRequests.requesterId, viewer.userId),
              eq(accessRequests.siteId, input.siteId),
              eq(accessRequests.appId, input.appId),
              eq(accessRequests.status, 'open'),
            ),
          )
      )[0]?.id;
    if (!requestId) throw new Error('access request neither inserted nor found');
    // Asking again with the consent page's address adds it to the open request.
    if (!inserted && consent)
      await tx.update(accessRequests).set(consentColumns).where(eq(accessRequests.id, requestId));

    const [preApproved] = await tx
      .select({ siteId: preApprovedApps.siteId })
      .from(preApprovedApps)
      .where(and(eq(preApprovedApps.siteId, input.siteId), eq(preApprovedApps.appId, input.appId)));
    const adminIds = (await unsafeListSiteAdmins(tx, input.siteId)).map((admin) => admin.id);
    const payload = { requestId, siteId: input.siteId, appId: input.appId, requesterId: viewer.userId };
    // No admin of the site has signed in to Greenlight: the operator's fallback route gets it by
    // e-mail, and the request waits in the inbox for the first admin who signs in. Never dropped
    // silently: whom it reached is kept on the request (insights count "nobody" and "fallback").
    const route = adminIds.length ? null : await unsafeFindFallbackRoute(tx, input.siteId);
    if (inserted) {
      await tx
        .update(accessRequests)
        .set({
          reached: adminIds.length ? 'admins' : route ? 'fallback' : 'nobody',
          routedPattern: route?.pattern ?? null,
          routedAddresses: route?.addresses ?? [],
        })
        .where(eq(accessRequests.id, requestId));
      if (!adminIds.length && !route) {
        logger.warn(
          { requestId, siteId: input.siteId },
          'access request reached no admin and no fallback route',
        );
      }
    }

    if (preApproved) {
      await unsafeAuthorizeApp(tx, {
        siteId: input.siteId,
        appId: input.appId,
        actorUserId: null,
        via: 'pre-approval',
        requestId,
      });
      await queueNotifications(tx, 'access_request.auto_approved', adminIds, payload);
    } else if (
      inserted &&
      (await shouldNotifyOfNewRequest(tx, { id: requestId, ...payload, requesterId: viewer.userId }))
    ) {
      await queueNotifications(tx, 'access_request.created', adminIds, payload);
      if (route) await queueEmailNotifications(tx, 'access_request.routed', route.addresses, payload);
    }

    const request = await unsafeFindAccessRequest(tx, requestId);
    if (!request) throw new Error('access request vanished inside its transaction');
    return { request, created: Boolean(inserted) };
  });
}

const invalidConsentUrl = (message: string) => new AppError('invalid_consent_url', `consentUrl: ${message}`);

/**
 * The pasted consent page, read and matched to the app record by client id: a page for another
 * app in Greenlight's registry, or a client id other than the one on record for this app, is
 * refused (the admin would otherwise authorize the wrong app).
 */
async function readConsentForApp(db: Executor, consentUrl: string, appId: string): Promise<ConsentIdentity> {
  const reading = readConsentUrl(consentUrl);
  if (!reading.ok) throw invalidConsentUrl(reading.message);
  const { consent } = reading;
  const [owner] = await db
    .select({ id: apps.id, name: apps.name })
    .from(apps)
    .where(eq(apps.clientId, consent.clientId));
  if (owner && owner.id !== appId)
    throw invalidConsentUrl(`This consent page is for ${owner.name}, not the app you are asking for.`);
  const [requested] = await db
    .select({ name: apps.name, clientId: apps.clientId })
    .from(apps)
    .where(eq(apps.id, appId));
  if (requested?.clientId && requested.clientId !== consent.clientId)
    throw invalidConsentUrl(
      `This consent page is for another app (client id ${consent.clientId}), not ${requested.name}.`,
    );
  return consent;
}
