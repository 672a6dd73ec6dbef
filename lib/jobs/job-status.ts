/** What an operator sees of one job (in /api/health?details=jobs and the admin console). */
export interface JobStatus {
  name: string;
  intervalMs: number;
  /** ISO times; null when it has not happened since the runner (in-process) or the queue's retention (pg-boss) began. */
  lastSucceededAt: string | null;
  lastFailedAt: string | null;
  /** The last failure's message, whether or not a later run succeeded. */
  lastError: string | null;
  /** Runs that failed for good (all retries used) since the last success. */
  failedRuns: number;
  /** A failed run is waiting for its next try. */
  retrying: boolean;
}

export interface JobRunnerStatus {
  runner: 'in-process' | 'pg-boss';
  jobs: JobStatus[];
}

/** Delay before retry n (1-based) of a failed run: 30 s doubling, like the queue's backoff (without its jitter). */
export function retryDelayMs(retry: number, baseMs = 30_000): number {
  return baseMs * 2 ** Math.max(0, retry - 1);
}
