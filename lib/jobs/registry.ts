import 'server-only';
import type { Logger } from 'pino';
import type { Clock } from '@/lib/clock';
import type { Config } from '@/lib/config';
import type { Database } from '@/lib/db/types';
import type { Notifier } from '@/lib/notifications/notifier';

/**
 * What every job is handed when it runs. A job takes the part it needs, so a function written as
 * `(deps: { db: Database; clock: Clock }) => Promise<void>` registers as is, and the folder that
 * defines it never imports lib/jobs.
 */
export interface JobDeps {
  db: Database;
  notifier: Notifier;
  clock: Clock;
  config: Config;
  /** A child logger with `{ job: <name> }` on every line. */
  log: Logger;
}

/** A job is a plain function: resolve when done, throw to have it retried with backoff. */
export type JobRun = (deps: JobDeps) => Promise<void>;

export interface JobDefinition {
  /** Unique, stable, kebab-case: it names the job's queue, its schedule and its log lines. */
  name: string;
  /** How often it runs: once per interval across all replicas on PostgreSQL. */
  intervalMs: number;
  run: JobRun;
  /** Tries after the first failure before the run counts as failed (default 3); delays double from 30 s. */
  retryLimit?: number;
}

const JOB_NAME = /^[a-z][a-z0-9-]{0,62}$/;
/** Shorter than this is below what a shared queue schedules reliably (and below any need here). */
export const MIN_INTERVAL_MS = 10_000;
export const DEFAULT_RETRY_LIMIT = 3;

/** Registration must not be repeated per import (dev reloads bundle modules twice): one map per process. */
const holder = globalThis as typeof globalThis & { __greenlightJobs?: Map<string, JobDefinition> };
const registry = (holder.__greenlightJobs ??= new Map<string, JobDefinition>());

/**
 * Adds a job to what every runner runs. Registering the same name again replaces it (a reloaded
 * module registers again); a bad name or interval throws at once.
 */
export function registerJob(definition: JobDefinition): void {
  if (!JOB_NAME.test(definition.name)) {
    throw new Error(`Job name "${definition.name}" must be kebab-case (a-z, 0-9, -), at most 63 characters`);
  }
  if (!Number.isInteger(definition.intervalMs) || definition.intervalMs < MIN_INTERVAL_MS) {
    throw new Error(`Job "${definition.name}": intervalMs must be an integer of at least ${MIN_INTERVAL_MS}`);
  }
  const retryLimit = definition.retryLimit ?? DEFAULT_RETRY_LIMIT;
  if (!Number.isInteger(retryLimit) || retryLimit < 0 || retryLimit > 20) {
    throw new Error(`Job "${definition.name}": retryLimit must be an integer from 0 to 20`);
  }
  registry.set(definition.name, { ...definition, retryLimit });
}

/** Every registered job, in registration order. */
export function registeredJobs(): JobDefinition[] {
  return [...registry.values()];
}

/** Tests start from an empty registry. */
export function clearJobsForTests(): void {
  registry.clear();
}
