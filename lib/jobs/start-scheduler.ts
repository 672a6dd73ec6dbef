import 'server-only';
import { systemClock } from '@/lib/clock';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { logger } from '@/lib/log';
import { getConfiguredNotifier } from '@/lib/notifications/configured-notifier';
import { registeredJobs } from './job-registry';
import { registerOrganizationJobs } from './organization-jobs';
import { runBackgroundJobs } from './run-background-jobs';

const INTERVAL_MS = 30_000;
const FIRST_RUN_DELAY_MS = 5_000;

// One scheduler per process, even if register() runs again (dev reloads bundle it twice).
const holder = globalThis as typeof globalThis & { __greenlightScheduler?: NodeJS.Timeout };

/**
 * Runs expiry, reminders and outbox delivery on an interval inside the server. Every replica may
 * run it: each job claims its rows atomically. A tick is skipped while the previous one runs.
 */
export function startScheduler(): void {
  if (holder.__greenlightScheduler) return;
  const config = getConfig();
  const log = logger.child({ job: 'scheduler' });
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runBackgroundJobs(await getDb(), getConfiguredNotifier(), systemClock, {
        expiryDays: config.REQUEST_EXPIRY_DAYS,
        reminderDays: config.REQUEST_REMINDER_DAYS,
        baseUrl: config.NEXTAUTH_URL,
      });
      const { expired, reminded, delivery } = report;
      if (expired.length || reminded.length || delivery.sent.length || delivery.failed.length) {
        log.info(
          {
            expired: expired.length,
            reminded: reminded.length,
            sent: delivery.sent.length,
            failed: delivery.failed.length,
          },
          'background jobs ran',
        );
      }
    } catch (error) {
      log.error({ err: error }, 'background jobs failed');
    } finally {
      running = false;
    }
  };
  const interval = setInterval(() => void tick(), INTERVAL_MS);
  // Never keep the process alive just for the scheduler.
  interval.unref();
  setTimeout(() => void tick(), FIRST_RUN_DELAY_MS).unref();
  holder.__greenlightScheduler = interval;
  registerOrganizationJobs();
  for (const job of registeredJobs()) startRegisteredJob(job.name, job.intervalMs, job.run, log);
}

/** A registered job on its own interval, one run at a time, failures logged. */
function startRegisteredJob(
  name: string,
  intervalMs: number,
  run: (deps: { db: Awaited<ReturnType<typeof getDb>> }) => Promise<void>,
  log: typeof logger,
): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await run({ db: await getDb() });
    } catch (error) {
      log.error({ err: error, job: name }, 'background job failed');
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), intervalMs).unref();
  setTimeout(() => void tick(), FIRST_RUN_DELAY_MS).unref();
}
