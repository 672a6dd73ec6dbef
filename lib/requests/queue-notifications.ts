import 'server-only';
import { notificationOutbox } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';

export type NotificationKind =
  | 'access_request.created'
  | 'access_request.approved'
  | 'access_request.denied'
  | 'access_request.auto_approved'
  | 'access_request.expired'
  | 'access_request.reminder'
  | 'access_request.routed';

/**
 * Writes outbox rows in the caller's transaction: the notification exists if and only if the
 * change does. A sender (outbox worker or SMTP) delivers them later and retries with backoff.
 */
export async function queueNotifications(
  tx: Executor,
  kind: NotificationKind,
  recipientUserIds: string[],
  payload: Record<string, unknown>,
): Promise<void> {
  const recipients = [...new Set(recipientUserIds)];
  if (!recipients.length) return;
  await tx
    .insert(notificationOutbox)
    .values(recipients.map((recipientUserId) => ({ kind, recipientUserId, payload })));
}

/** E-mail-only notifications to a fallback route's addresses (no Greenlight user, so no bell). */
export async function queueEmailNotifications(
  tx: Executor,
  kind: NotificationKind,
  addresses: readonly string[],
  payload: Record<string, unknown>,
): Promise<void> {
  const recipients = [...new Set(addresses)];
  if (!recipients.length) return;
  await tx
    .insert(notificationOutbox)
    .values(recipients.map((recipientEmail) => ({ kind, recipientEmail, payload })));
}
