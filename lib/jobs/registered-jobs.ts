import 'server-only';
import { deliverDueNotifications } from '@/lib/notifications/deliver-due-notifications';
import { expireOpenRequests } from '@/lib/requests/expire-open-requests';
import { remindSiteAdmins } from '@/lib/requests/remind-site-admins';
import {
  ORGANIZATION_JOB_INTERVAL_MS,
  pollAppInstallationsJob,
  syncOrganizationRolesJob,
} from '@/lib/organizations/organization-jobs';
import { registerJob, type JobDeps } from './registry';

const EVERY_30_SECONDS = 30_000;

/**
 * The one list of Greenlight's background jobs. A job from another folder is a plain function
 * taking (part of) JobDeps; it is registered here, so lib/jobs imports it and not the other way.
 */
export function registerGreenlightJobs(): void {
  registerJob({
    name: 'expire-requests',
    intervalMs: EVERY_30_SECONDS,
    run: async ({ db, clock, config, log }: JobDeps) => {
      const expired = await expireOpenRequests(db, clock, config.REQUEST_EXPIRY_DAYS);
      if (expired.length) log.info({ expired: expired.length }, 'requests expired');
    },
  });
  registerJob({
    name: 'remind-admins',
    intervalMs: EVERY_30_SECONDS,
    run: async ({ db, clock, config, log }: JobDeps) => {
      const reminded = await remindSiteAdmins(db, clock, config.REQUEST_REMINDER_DAYS);
      if (reminded.length) log.info({ reminded: reminded.length }, 'admins reminded');
    },
  });
  registerJob({
    name: 'deliver-notifications',
    intervalMs: EVERY_30_SECONDS,
    run: async ({ db, notifier, clock, config, log }: JobDeps) => {
      const { sent, failed } = await deliverDueNotifications(db, notifier, clock, {
        baseUrl: config.NEXTAUTH_URL,
      });
      // A failed e-mail is the outbox's to retry (its own backoff, last_error on the row); the job
      // itself succeeded, so it is logged here rather than thrown.
      if (sent.length || failed.length)
        log.info({ sent: sent.length, failed: failed.length }, 'notifications delivered');
      for (const failure of failed)
        log.warn(
          { outboxId: failure.id, attempts: failure.attempts, error: failure.error },
          'notification not delivered',
        );
    },
  });
  // Connected organizations: roles from role assignments, app installations from the audit log.
  registerJob({
    name: 'organization-roles',
    intervalMs: ORGANIZATION_JOB_INTERVAL_MS,
    run: syncOrganizationRolesJob,
  });
  registerJob({
    name: 'organization-app-installations',
    intervalMs: ORGANIZATION_JOB_INTERVAL_MS,
    run: pollAppInstallationsJob,
  });
}
