import 'server-only';
import type { Clock } from '@/lib/clock';
import type { Database } from '@/lib/db/types';
import { deliverDueNotifications, type DeliveryReport } from '@/lib/notifications/deliver-due-notifications';
import type { Notifier } from '@/lib/notifications/notifier';
import { expireOpenRequests } from '@/lib/requests/expire-open-requests';
import { remindSiteAdmins } from '@/lib/requests/remind-site-admins';

export interface BackgroundJobSettings {
  expiryDays: number;
  reminderDays: number;
  baseUrl?: string;
}

export interface BackgroundJobReport {
  expired: string[];
  reminded: string[];
  delivery: DeliveryReport;
}

/**
 * One tick of the scheduler. Expiry runs before reminders (an expired request needs no reminder),
 * and delivery last, so the notifications both queue go out in the same tick.
 */
export async function runBackgroundJobs(
  db: Database,
  notifier: Notifier,
  clock: Clock,
  settings: BackgroundJobSettings,
): Promise<BackgroundJobReport> {
  const expired = await expireOpenRequests(db, clock, settings.expiryDays);
  const reminded = await remindSiteAdmins(db, clock, settings.reminderDays);
  const delivery = await deliverDueNotifications(db, notifier, clock, { baseUrl: settings.baseUrl });
  return { expired, reminded, delivery };
}
