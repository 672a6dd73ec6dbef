import 'server-only';
import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Clock } from '@/lib/clock';
import { notificationOutbox, users } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { DEFAULT_LOCALE, localePath } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { describeNotification } from './describe-notification';
import { requestIdOf, unsafeLoadNotificationSubjects } from './load-notification-subjects';
import type { Notifier } from './notifier';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './retry-backoff';

export interface DeliveryReport {
  sent: string[];
  /** Failed this time; retried later unless they ran out of attempts. */
  failed: { id: string; attempts: number; error: string }[];
}

export interface DeliveryOptions {
  batchSize?: number;
  /** Absolute origin for links in e-mails (NEXTAUTH_URL); links stay relative without it. */
  baseUrl?: string;
}

/**
 * Sends the outbox rows that are due. Safe with several replicas: one UPDATE claims a batch with
 * FOR UPDATE SKIP LOCKED and marks it sent in the same statement, so no other worker (now or
 * later) picks the same row. A failed send puts the row back with exponential backoff.
 *
 * The trade-off is deliberate: at most once. A process that dies between the claim and the send
 * loses that e-mail (the bell still shows the notification); it never sends it twice. The row id
 * is also the Message-ID, so a mail system that sees a resend from elsewhere can drop it.
 */
export async function deliverDueNotifications(
  db: Database,
  notifier: Notifier,
  clock: Clock,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const now = clock();
  const due = db
    .select({ id: notificationOutbox.id })
    .from(notificationOutbox)
    .where(
      and(
        isNull(notificationOutbox.sentAt),
        lte(notificationOutbox.nextAttemptAt, now),
        lt(notificationOutbox.attempts, MAX_DELIVERY_ATTEMPTS),
      ),
    )
    .orderBy(asc(notificationOutbox.nextAttemptAt))
    .limit(options.batchSize ?? 50)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(notificationOutbox)
    .set({ sentAt: now, attempts: sql`${notificationOutbox.attempts} + 1` })
    .where(inArray(notificationOutbox.id, due))
    .returning();

  const report: DeliveryReport = { sent: [], failed: [] };
  if (!claimed.length) return report;

  const recipients = new Map(
    (
      await db
        .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
        .from(users)
        .where(
          inArray(users.id, [
            ...new Set(claimed.map((row) => row.recipientUserId).filter((id): id is string => id !== null)),
          ]),
        )
    ).map((user) => [user.id, user]),
  );
  const subjects = await unsafeLoadNotificationSubjects(
    db,
    claimed.map((row) => requestIdOf(row.payload)).filter((id): id is string => id !== null),
  );

  for (const row of claimed) {
    // A fallback route's address is no Greenlight user: the e-mail goes to the address alone, in
    // the default language (nobody has told Greenlight another).
    const recipient = row.recipientEmail
      ? { name: '', email: row.recipientEmail, locale: DEFAULT_LOCALE }
      : row.recipientUserId
        ? recipients.get(row.recipientUserId)
        : undefined;
    const requestId = requestIdOf(row.payload);
    const subject = requestId ? subjects.get(requestId) : undefined;
    // Nothing to say or no one to say it to (the request or person was deleted): done, not failed.
    if (!recipient || !subject) {
      report.sent.push(row.id);
      continue;
    }
    // In the recipient's language: the fixed parts and the link; people's own words as written.
    const text = describeNotification(row.kind, row.payload, subject, now, recipient.locale);
    const href = localePath(recipient.locale, text.href);
    const link = options.baseUrl ? new URL(href, options.baseUrl).toString() : href;
    const t = translatorFor(recipient.locale);
    try {
      await notifier.send({
        idempotencyKey: row.id,
        kind: row.kind,
        to: { name: recipient.name, email: recipient.email },
        subject: text.title,
        text: `${text.title}\n\n${text.body}\n\n${t('Email.open', { link })}\n`,
      });
      if (row.lastError)
        await db.update(notificationOutbox).set({ lastError: null }).where(eq(notificationOutbox.id, row.id));
      report.sent.push(row.id);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await db
        .update(notificationOutbox)
        .set({
          sentAt: null,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
          lastError: message,
        })
        .where(eq(notificationOutbox.id, row.id));
      report.failed.push({ id: row.id, attempts: row.attempts, error: message });
    }
  }
  return report;
}
