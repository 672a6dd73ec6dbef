import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '@/lib/clock';
import { getConfig } from '@/lib/config';
import type { DatabaseHandle } from '@/lib/db/client';
import { accessRequests, apps, sites, users } from '@/lib/db/schema';
import { createLogger } from '@/lib/log';
import { createInProcessRunner } from '@/lib/jobs/in-process-runner';
import { createPgBossRunner, QUEUE_SCHEMA, type PgBossRunner } from '@/lib/jobs/pg-boss-runner';
import { registerGreenlightJobs } from '@/lib/jobs/registered-jobs';
import { clearJobsForTests, registeredJobs, type JobDefinition } from '@/lib/jobs/registry';
import { inAppOnlyNotifier } from '@/lib/notifications/notifier';
import { pgliteBackend, testBackends } from '@/tests/support/test-database';

/** A logger whose lines the test reads back. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger('info', destination), lines };
}

const postgres = testBackends().find((backend) => backend.name === 'postgres');

describe.runIf(postgres)('the pg-boss runner on PostgreSQL', () => {
  let handle: DatabaseHandle;
  const runners: PgBossRunner[] = [];
  beforeAll(async () => {
    handle = await postgres!.open();
  });
  afterAll(async () => {
    for (const runner of runners) await runner.stop();
    await handle.close();
  });

  const runnerFor = (jobs: JobDefinition[], log = capturedLogger().log) => {
    const runner = createPgBossRunner(
      handle,
      jobs,
      { notifier: inAppOnlyNotifier, clock: () => new Date(), config: getConfig(), log },
      { retryDelaySeconds: 1, pollingIntervalSeconds: 0.5, offerEveryMs: 3_600_000 },
    );
    runners.push(runner);
    return runner;
  };
  const queuedJobs = async (name: string) =>
    (
      await handle.executeSql(
        `select state, retry_count, started_on, start_after, output from ${QUEUE_SCHEMA}.job where name = $1`,
        [name],
      )
    ).rows as { state: string; retry_count: number; output: unknown }[];

  it('runs a schedule once across two replicas that both offer it', async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: 'count-runs',
      intervalMs: 3_600_000,
      retryLimit: 0,
      run: async () => {
        runs += 1;
      },
    };
    const [first, second] = [runnerFor([job]), runnerFor([job])];
    await Promise.all([first.start(), second.start()]);
    await Promise.all([first.offerDueRuns(), second.offerDueRuns(), first.offerDueRuns()]);
    await vi.waitFor(
      async () => expect((await queuedJobs('count-runs')).map((row) => row.state)).toEqual(['completed']),
      {
        timeout: 15_000,
        interval: 200,
      },
    );
    expect(runs).toBe(1);
    const status = await second.status();
    expect(status.runner).toBe('pg-boss');
    expect(status.jobs[0]).toMatchObject({ name: 'count-runs', failedRuns: 0, lastFailedAt: null });
    expect(status.jobs[0]?.lastSucceededAt).not.toBeNull();
  });

  it('retries a failing job with a growing delay, then shows the failure to operators', async () => {
    const { log, lines } = capturedLogger();
    const attempts: number[] = [];
    const runner = runnerFor(
      [
        {
          name: 'always-fails',
          intervalMs: 3_600_000,
          retryLimit: 2,
          run: async () => {
            attempts.push(Date.now());
            throw new Error('upstream answered 503');
          },
        },
      ],
      log,
    );
    await runner.start();
    await vi.waitFor(async () => expect((await queuedJobs('always-fails'))[0]?.state).toBe('failed'), {
      timeout: 30_000,
      interval: 250,
    });
    // First run and two retries; pg-boss waits 1-2 s before the first retry and 2-4 s before the second.
    expect(attempts).toHaveLength(3);
    const [a, b, c] = attempts as [number, number, number];
    expect(b - a).toBeGreaterThanOrEqual(1_000);
    expect(c - b).toBeGreaterThanOrEqual(2_000);
    const [row] = await queuedJobs('always-fails');
    expect(row?.retry_count).toBe(2);

    const status = (await runner.status()).jobs[0];
    expect(status).toMatchObject({
      name: 'always-fails',
      failedRuns: 1,
      retrying: false,
      lastSucceededAt: null,
    });
    expect(status?.lastError).toBe('upstream answered 503');
    const failures = lines.filter((line) => line.msg === 'job failed' && line.job === 'always-fails');
    expect(failures).toHaveLength(3);
  });
});

describe('the in-process runner on PGlite', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await pgliteBackend.open();
  });
  afterAll(async () => {
    clearJobsForTests();
    await handle.close();
  });

  it("runs Greenlight's registered jobs: an old open request expires", async () => {
    const now = Date.now();
    await handle.db
      .insert(users)
      .values({ id: 'u1', accountId: 'acc-1', email: 'mia@example.com', name: 'Mia' });
    await handle.db
      .insert(sites)
      .values({ id: 's1', cloudId: 'c1', name: 'Acme', url: 'https://acme.atlassian.net' });
    await handle.db.insert(apps).values({ id: 'a1', name: 'Slack', vendor: 'Slack' });
    const [request] = await handle.db
      .insert(accessRequests)
      .values({ requesterId: 'u1', siteId: 's1', appId: 'a1', createdAt: new Date(now - 40 * DAY_MS) })
      .returning({ id: accessRequests.id });
    registerGreenlightJobs();
    const runner = createInProcessRunner(registeredJobs(), {
      db: handle.db,
      notifier: inAppOnlyNotifier,
      clock: () => new Date(now),
      config: getConfig(),
      log: capturedLogger().log,
    });
    await runner.runDue();
    const [row] = await handle.db.select().from(accessRequests).where(eq(accessRequests.id, request!.id));
    expect(row?.status).toBe('expired');
    expect(runner.status().jobs.map((job) => [job.name, job.lastError])).toEqual([
      ['expire-requests', null],
      ['remind-admins', null],
      ['deliver-notifications', null],
      // No organization is connected: their runs find nothing to do, and fail nothing.
      ['organization-roles', null],
      ['organization-app-installations', null],
    ]);
  });

  it('retries a failing job after 30 s and then 60 s, then waits for its interval, and shows the failure', async () => {
    let now = Date.now();
    let attempts = 0;
    const { log, lines } = capturedLogger();
    const runner = createInProcessRunner(
      [
        {
          name: 'flaky',
          intervalMs: 600_000,
          retryLimit: 2,
          run: async () => {
            attempts += 1;
            throw new Error('directory unreachable');
          },
        },
      ],
      { db: handle.db, notifier: inAppOnlyNotifier, clock: () => new Date(now), config: getConfig(), log },
    );
    await runner.runDue();
    expect(runner.status().jobs[0]).toMatchObject({
      retrying: true,
      failedRuns: 0,
      lastError: 'directory unreachable',
    });
    now += 29_000;
    await runner.runDue();
    expect(attempts).toBe(1);
    now += 1_000;
    await runner.runDue();
    expect(attempts).toBe(2);
    now += 59_000;
    await runner.runDue();
    expect(attempts).toBe(2);
    now += 1_000;
    await runner.runDue();
    expect(attempts).toBe(3);
    expect(runner.status().jobs[0]).toMatchObject({ retrying: false, failedRuns: 1 });
    now += 300_000;
    await runner.runDue();
    expect(attempts).toBe(3);
    now += 300_000;
    await runner.runDue();
    expect(attempts).toBe(4);
    expect(lines.filter((line) => line.msg === 'job failed after all retries')).toHaveLength(1);
    expect(lines.filter((line) => line.msg === 'job failed, will retry')).toHaveLength(3);
  });
});
