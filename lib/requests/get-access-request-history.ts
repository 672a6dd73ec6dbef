import 'server-only';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { auditLog, notificationOutbox, users } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import type { Viewer } from '@/lib/auth/viewer';
import { PRE_APPROVED_REASON, type AccessRequestDto } from './access-request-dto';
import { getAccessRequest } from './get-access-request';

export type HistoryEventKind =
  'created' | 'notified' | 'reminded' | 'decided' | 'withdrawn' | 'expired' | 'audit';

/**
 * What happened, as codes and names (no words of Greenlight's), for pages to say in their reader's
 * language. `summary` says the same in English for API callers.
 */
export type HistoryStory =
  | { is: 'created' }
  | { is: 'notified'; notification: string; recipient: string | null; pending: boolean }
  | {
      is: 'decided';
      status: 'approved' | 'denied';
      why: 'pre-approved-before' | 'pre-approved-while-open' | 'reason' | null;
      reason: string | null;
    }
  | { is: 'withdrawn' }
  | { is: 'expired' }
  | { is: 'app-authorized'; app: string; site: string }
  | { is: 'audit'; action: string };

export interface HistoryEvent {
  kind: HistoryEventKind;
  at: string;
  /** Who did it; null when Greenlight did (expiry, pre-approval, reminders). */
  by: { name: string } | null;
  summary: string;
  story: HistoryStory;
}

export interface AccessRequestHistory {
  request: AccessRequestDto;
  events: HistoryEvent[];
}

const NOTIFICATION_SUMMARY: Record<string, string> = {
  'access_request.created': 'told of the new request',
  'access_request.auto_approved': 'told it was approved at once (pre-approved)',
  'access_request.reminder': 'reminded that it is still open',
  'access_request.approved': 'told it was approved',
  'access_request.denied': 'told it was declined',
  'access_request.expired': 'told it expired',
  'access_request.routed': 'e-mailed the request (fallback route: no admin of the site known)',
};

/** Why a request was decided as it was, for its "decided" event. */
function decisionWhy(request: AccessRequestDto): Extract<HistoryStory, { is: 'decided' }>['why'] {
  // No decider: pre-approved before the request came. A decider: they pre-approved it while it was open.
  if (request.reason === PRE_APPROVED_REASON)
    return request.decidedBy ? 'pre-approved-while-open' : 'pre-approved-before';
  return request.reason ? 'reason' : null;
}

const WHY_IN_ENGLISH = {
  'pre-approved-while-open': () => ' because the app was pre-approved on this site',
  'pre-approved-before': () => ' at once: the app is pre-approved on this site',
  reason: (reason: string | null) => `: “${reason}”`,
} as const;

/**
 * A request's story, derived from what is already recorded: the request row (created, decided,
 * withdrawn, expired, reminded), the notification outbox (who was told what, and whether the
 * e-mail went out) and audit rows that name it (the app authorization it caused).
 * Visible to whoever may see the request (its requester, admins of its site).
 */
export async function getAccessRequestHistory(
  db: Executor,
  viewer: Viewer,
  requestId: string,
): Promise<AccessRequestHistory> {
  const request = await getAccessRequest(db, viewer, requestId);
  const events: HistoryEvent[] = [
    {
      kind: 'created',
      at: request.createdAt,
      by: { name: request.requester.name },
      summary: 'Asked for the app',
      story: { is: 'created' },
    },
  ];

  const notifications = await db
    .select({
      kind: notificationOutbox.kind,
      createdAt: notificationOutbox.createdAt,
      sentAt: notificationOutbox.sentAt,
      recipientName: users.name,
      recipientEmail: notificationOutbox.recipientEmail,
    })
    .from(notificationOutbox)
    // A fallback route's address is no user: it is named by the address the operator set.
    .leftJoin(users, eq(users.id, notificationOutbox.recipientUserId))
    .where(sql`${notificationOutbox.payload}->>'requestId' = ${requestId}`)
    .orderBy(asc(notificationOutbox.createdAt));
  for (const notification of notifications) {
    const recipient = notification.recipientName ?? notification.recipientEmail;
    events.push({
      kind: notification.kind === 'access_request.reminder' ? 'reminded' : 'notified',
      at: notification.createdAt.toISOString(),
      by: null,
      summary: `${recipient ?? 'Someone'} ${NOTIFICATION_SUMMARY[notification.kind] ?? 'notified'}${notification.sentAt ? '' : ' (e-mail pending)'}`,
      story: {
        is: 'notified',
        notification: notification.kind,
        recipient,
        pending: notification.sentAt === null,
      },
    });
  }

  const decidedAt = request.decidedAt ?? request.updatedAt;
  if (request.status === 'approved' || request.status === 'denied') {
    const verb = request.status === 'approved' ? 'Approved' : 'Denied';
    const why = decisionWhy(request);
    events.push({
      kind: 'decided',
      at: decidedAt,
      by: request.decidedBy ? { name: request.decidedBy.name } : null,
      summary: `${verb}${why ? WHY_IN_ENGLISH[why](request.reason) : ''}`,
      story: { is: 'decided', status: request.status, why, reason: request.reason },
    });
  } else if (request.status === 'withdrawn') {
    events.push({
      kind: 'withdrawn',
      at: request.updatedAt,
      by: { name: request.requester.name },
      summary: 'Withdrawn by the requester',
      story: { is: 'withdrawn' },
    });
  } else if (request.status === 'expired') {
    events.push({
      kind: 'expired',
      at: decidedAt,
      by: null,
      summary: 'Expired: no decision in time',
      story: { is: 'expired' },
    });
  }

  // Audit rows that name this request but are not the decision itself (already told above).
  const audits = await db
    .select({ action: auditLog.action, at: auditLog.at, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        or(eq(auditLog.target, requestId), sql`${auditLog.details}->>'requestId' = ${requestId}`),
        sql`${auditLog.action} not in ('access_request.approved', 'access_request.denied', 'access_request.expired')`,
        inArray(auditLog.siteId, [request.site.id]),
      ),
    )
    .orderBy(asc(auditLog.at));
  for (const audit of audits) {
    const authorized = audit.action === 'app.authorized';
    events.push({
      kind: 'audit',
      at: audit.at.toISOString(),
      by: audit.actorName ? { name: audit.actorName } : null,
      summary: authorized ? `${request.app.name} authorized on ${request.site.name}` : audit.action,
      story: authorized
        ? { is: 'app-authorized', app: request.app.name, site: request.site.name }
        : { is: 'audit', action: audit.action },
    });
  }

  // Stable order: by time, and for equal times in the order the story happens.
  const order: HistoryEventKind[] = [
    'created',
    'decided',
    'withdrawn',
    'expired',
    'audit',
    'reminded',
    'notified',
  ];
  events.sort((a, b) => a.at.localeCompare(b.at) || order.indexOf(a.kind) - order.indexOf(b.kind));
  return { request, events };
}
