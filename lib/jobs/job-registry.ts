import 'server-only';
import type { Database } from '@/lib/db/types';

// Named background jobs beside the scheduler's own tick: a job is a plain function of its
// dependencies, run by name on an interval. Kept this small on purpose so whatever runs jobs
// (the in-process scheduler now, a PostgreSQL job queue later) can take the same list.

export interface JobDeps {
  db: Database;
}

export interface RegisteredJob {
  name: string;
  intervalMs: number;
  run: (deps: JobDeps) => Promise<void>;
}

const holder = globalThis as typeof globalThis & { __greenlightJobs?: Map<string, RegisteredJob> };
const jobs = (holder.__greenlightJobs ??= new Map<string, RegisteredJob>());

/** Registers (or replaces) a job by name. */
export function registerJob(job: RegisteredJob): void {
  jobs.set(job.name, job);
}

export function registeredJobs(): RegisteredJob[] {
  return [...jobs.values()];
}
