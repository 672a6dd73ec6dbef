import 'server-only';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/lib/db/types';
import type { JobRunnerStatus, JobStatus } from './job-status';
import type { JobDefinition, JobDeps } from './registry';

/** pg-boss keeps its own tables in this schema, created and migrated by boss.start(). */
export const QUEUE_SCHEMA = 'pgboss';

export interface PgBossRunnerOptions {
  /** Seconds before the first retry of a failed run; pg-boss doubles it per retry, with jitter. */
  retryDelaySeconds?: number;
  /** How often each replica asks the queue for due jobs. */
  pollingIntervalSeconds?: number;
  /** How often each replica offers the next run of every job (the queue keeps one per interval). */
  offerEveryMs?: number;
}

export interface PgBossRunner {
  start(): Promise<void>;
  /** Offers one run of every job for its current interval; replicas offering the same slot make one job. */
  offerDueRuns(): Promise<void>;
  stop(): Promise<void>;
  status(): Promise<JobRunnerStatus>;
}

/**
 * The runner on PostgreSQL: pg-boss over the app's own pool. Every replica offers each job once
 * per interval with a singleton key (pg-boss keeps one job per key and time slot, however many
 * replicas offer it), and every replica works the queues; a job is fetched by one of them
 * (SKIP LOCKED). A thrown error puts the job into pg-boss's retry with exponential backoff, and
 * after the last retry into state `failed` with the error as its output: status() reads both.
 */
export function createPgBossRunner(
  handle: DatabaseHandle,
  jobs: JobDefinition[],
  deps: Omit<JobDeps, 'db'>,
  options: PgBossRunnerOptions = {},
): PgBossRunner {
  const boss = new PgBoss({
    db: { executeSql: async (text, values) => handle.executeSql(text, values) },
    schema: QUEUE_SCHEMA,
    // Its own clock-skew and cron monitors serve boss.schedule(), which Greenlight does not use
    // (cron has whole minutes; jobs here run every 30 s).
    schedule: false,
  });
  boss.on('error', (error) => deps.log.error({ err: error, runner: 'pg-boss' }, 'job queue error'));
  const retryDelay = options.retryDelaySeconds ?? 30;
  let timer: NodeJS.Timeout | undefined;

  const offerDueRuns = async () => {
    for (const job of jobs) {
      const seconds = Math.max(1, Math.round(job.intervalMs / 1000));
      await boss.sendThrottled(job.name, {}, {}, seconds, job.name);
    }
  };

  return {
    async start() {
      await boss.start();
      for (const job of jobs) {
        const queue = { name: job.name, retryLimit: job.retryLimit ?? 0, retryDelay, retryBackoff: true };
        await boss.createQueue(job.name, queue);
        // A queue made by an earlier release keeps its options until told otherwise.
        await boss.updateQueue(job.name, queue);
        const log = deps.log.child({ job: job.name });
        await boss.work(
          job.name,
          { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 },
          async ([queued]) => {
            try {
              await job.run({ ...deps, db: handle.db, log });
            } catch (error) {
              const retry = (queued as { retryCount?: number } | undefined)?.retryCount;
              log.error({ err: error, jobId: queued?.id, retry }, 'job failed');
              throw error;
            }
          },
        );
      }
      await offerDueRuns();
      timer = setInterval(
        () => void offerDueRuns().catch((error) => deps.log.error({ err: error }, 'job offer failed')),
        options.offerEveryMs ?? 10_000,
      );
      timer.unref();
    },
    offerDueRuns,
    async stop() {
      if (timer) clearInterval(timer);
      await boss.stop({ graceful: true, close: false, wait: true });
    },
    async status() {
      return { runner: 'pg-boss', jobs: await readQueueStatus(handle, jobs) };
    },
  };
}

interface StatusRow {
  name: string;
  last_succeeded_at: Date | string | null;
  last_failed_at: Date | string | null;
  last_error: unknown;
  failed_runs: number | string;
  retrying: boolean;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function errorMessage(output: unknown): string | null {
  if (output === null || output === undefined) return null;
  const parsed = typeof output === 'string' ? (JSON.parse(output) as unknown) : output;
  // pg-boss stores the serialized error, or { value: … } around it.
  const error = parsed as { message?: unknown; value?: { message?: unknown } };
  const message = error.message ?? error.value?.message;
  return (typeof message === 'string' ? message : JSON.stringify(parsed)).slice(0, 500);
}

/**
 * Reads what the queue knows of each job from pg-boss's tables: jobs that failed, retried or
 * succeeded stay in `job` until archived (12 h), then in `archive` until deleted (7 days).
 */
async function readQueueStatus(handle: DatabaseHandle, jobs: JobDefinition[]): Promise<JobStatus[]> {
  const { rows } = await handle.executeSql(
    `with all_jobs as (
       select name, state, completed_on, started_on, output from ${QUEUE_SCHEMA}.job where name = any($1)
       union all
       select name, state, completed_on, started_on, output from ${QUEUE_SCHEMA}.archive where name = any($1)
     ), last_success as (
       select name, max(completed_on) as at from all_jobs where state = 'completed' group by name
     )
     select n.name,
       (select at from last_success s where s.name = n.name) as last_succeeded_at,
       (select max(coalesce(completed_on, started_on)) from all_jobs j where j.name = n.name and j.state in ('failed', 'retry')) as last_failed_at,
       (select output from all_jobs j where j.name = n.name and j.state in ('failed', 'retry')
          order by coalesce(j.completed_on, j.started_on) desc nulls last limit 1) as last_error,
       (select count(*) from all_jobs j where j.name = n.name and j.state = 'failed'
          and j.completed_on > coalesce((select at from last_success s where s.name = n.name), '-infinity')) as failed_runs,
       exists (select 1 from all_jobs j where j.name = n.name and j.state = 'retry') as retrying
     from unnest($1::text[]) as n(name)`,
    [jobs.map((job) => job.name)],
  );
  const byName = new Map((rows as StatusRow[]).map((row) => [row.name, row]));
  return jobs.map((job) => {
    const row = byName.get(job.name);
    return {
      name: job.name,
      intervalMs: job.intervalMs,
      lastSucceededAt: iso(row?.last_succeeded_at ?? null),
      lastFailedAt: iso(row?.last_failed_at ?? null),
      lastError: errorMessage(row?.last_error),
      failedRuns: Number(row?.failed_runs ?? 0),
      retrying: Boolean(row?.retrying),
    };
  });
}
