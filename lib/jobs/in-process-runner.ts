import 'server-only';
import type { JobStatus, JobRunnerStatus } from './job-status';
import { retryDelayMs } from './job-status';
import type { JobDefinition, JobDeps } from './registry';

interface JobState {
  definition: JobDefinition;
  nextRunAt: number;
  /** Retries used by the current failing run (0 when the last run succeeded). */
  retries: number;
  running: boolean;
  status: JobStatus;
}

export interface InProcessRunner {
  /** Runs every job that is due at the clock's time, one pass at a time per job. */
  runDue(): Promise<void>;
  start(tickMs?: number): void;
  stop(): void;
  status(): JobRunnerStatus;
}

/**
 * The embedded default's runner (PGlite serves one process, so there is nothing to share): each
 * job runs on its interval; a failure is retried after 30 s, 60 s, 120 s … up to its retry limit,
 * then waits for its next interval. Written here because the queue (pg-boss) needs PostgreSQL
 * (see README.md); its status lives in memory.
 */
export function createInProcessRunner(
  jobs: JobDefinition[],
  deps: Omit<JobDeps, 'log'> & { log: JobDeps['log'] },
  options: { retryBaseMs?: number; firstRunDelayMs?: number } = {},
): InProcessRunner {
  const start = deps.clock().getTime() + (options.firstRunDelayMs ?? 0);
  const states = jobs.map((definition): JobState => ({
    definition,
    nextRunAt: start,
    retries: 0,
    running: false,
    status: {
      name: definition.name,
      intervalMs: definition.intervalMs,
      lastSucceededAt: null,
      lastFailedAt: null,
      lastError: null,
      failedRuns: 0,
      retrying: false,
    },
  }));

  const runOne = async (state: JobState) => {
    const { definition, status } = state;
    const log = deps.log.child({ job: definition.name });
    state.running = true;
    try {
      await definition.run({ ...deps, log });
      status.lastSucceededAt = deps.clock().toISOString();
      status.failedRuns = 0;
      status.retrying = false;
      state.retries = 0;
      state.nextRunAt = deps.clock().getTime() + definition.intervalMs;
    } catch (error) {
      const now = deps.clock();
      status.lastFailedAt = now.toISOString();
      status.lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const retryLimit = definition.retryLimit ?? 0;
      if (state.retries < retryLimit) {
        state.retries += 1;
        status.retrying = true;
        state.nextRunAt = now.getTime() + retryDelayMs(state.retries, options.retryBaseMs);
        log.warn({ err: error, retry: state.retries, retryLimit }, 'job failed, will retry');
      } else {
        status.failedRuns += 1;
        status.retrying = false;
        state.retries = 0;
        state.nextRunAt = now.getTime() + definition.intervalMs;
        log.error({ err: error, retryLimit }, 'job failed after all retries');
      }
    } finally {
      state.running = false;
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const runDue = async () => {
    const now = deps.clock().getTime();
    // One after the other, in registration order: expiry before reminders before delivery.
    for (const state of states) if (!state.running && state.nextRunAt <= now) await runOne(state);
  };
  return {
    runDue,
    start(tickMs = 5_000) {
      if (timer) return;
      timer = setInterval(() => void runDue(), tickMs);
      // Never keep the process alive just for the jobs.
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    status: () => ({ runner: 'in-process', jobs: states.map((s) => ({ ...s.status })) }),
  };
}
