import 'server-only';
import { systemClock } from '@/lib/clock';
import { getConfig } from '@/lib/config';
import { getDatabaseHandle } from '@/lib/db/client';
import { logger } from '@/lib/log';
import { getConfiguredNotifier } from '@/lib/notifications/configured-notifier';
import { createInProcessRunner } from './in-process-runner';
import type { JobRunnerStatus } from './job-status';
import { createPgBossRunner } from './pg-boss-runner';
import { registerGreenlightJobs } from './registered-jobs';
import { registeredJobs } from './registry';

const FIRST_RUN_DELAY_MS = 5_000;

interface RunningScheduler {
  status(): Promise<JobRunnerStatus> | JobRunnerStatus;
}

// One runner per process, even if register() runs again (dev reloads bundle it twice).
const holder = globalThis as typeof globalThis & { __greenlightScheduler?: Promise<RunningScheduler> };

/**
 * Starts the registered jobs: on PostgreSQL through the pg-boss queue (each run once across
 * replicas, retried with backoff, failures kept in the queue's tables); on the embedded PGlite
 * in this process (one process is all there is). A failure to start is logged, and the next
 * call tries again.
 */
export function startScheduler(): void {
  if (holder.__greenlightScheduler) return;
  const starting = start();
  holder.__greenlightScheduler = starting;
  starting.catch((error) => {
    logger.error({ err: error, job: 'scheduler' }, 'background jobs did not start');
    if (holder.__greenlightScheduler === starting) holder.__greenlightScheduler = undefined;
  });
}

async function start(): Promise<RunningScheduler> {
  registerGreenlightJobs();
  const config = getConfig();
  const handle = await getDatabaseHandle();
  const jobs = registeredJobs();
  const log = logger.child({ runner: handle.kind === 'postgres' ? 'pg-boss' : 'in-process' });
  const deps = { notifier: getConfiguredNotifier(), clock: systemClock, config, log };
  if (handle.kind === 'postgres') {
    const runner = createPgBossRunner(handle, jobs, deps);
    await runner.start();
    log.info({ jobs: jobs.map((job) => job.name) }, 'background jobs started');
    return runner;
  }
  const runner = createInProcessRunner(
    jobs,
    { ...deps, db: handle.db },
    { firstRunDelayMs: FIRST_RUN_DELAY_MS },
  );
  runner.start();
  log.info({ jobs: jobs.map((job) => job.name) }, 'background jobs started');
  return runner;
}

/** What the running scheduler knows of each job; null before it started (or when it failed to). */
export async function schedulerStatus(): Promise<JobRunnerStatus | null> {
  const scheduler = await holder.__greenlightScheduler?.catch(() => undefined);
  return scheduler ? scheduler.status() : null;
}
