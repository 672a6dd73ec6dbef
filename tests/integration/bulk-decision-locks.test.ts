import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as decisionsRoute from '@/app/api/access-requests/decisions/route';
import { openPostgres, setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { accessRequests } from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { callRoute } from '@/tests/support/call-route';

// A bulk decision checks that the caller may see and decide every request before it locks
// anything: an outsider naming another organisation's requests gets 404 without taking (or
// waiting for) a lock on their rows or on their (site, app) pairs. Locks are PostgreSQL's, so this
// runs on PostgreSQL (TEST_DATABASE_URL, set in CI).

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('bulk decisions lock only what the caller may decide (PostgreSQL)', () => {
  const name = `gl_locks_${process.pid}_${randomBytes(3).toString('hex')}`;
  let url: string;
  let handle: DatabaseHandle;
  let holder: pg.Client;
  let observer: pg.Client;
  let requestId: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    handle = await openPostgres(url);
    await seedDemo(handle.db);
    setDatabaseForTests(handle);
    holder = new pg.Client({ connectionString: url });
    observer = new pg.Client({ connectionString: url });
    await holder.connect();
    await observer.connect();
  });
  afterAll(async () => {
    setDatabaseForTests(undefined);
    await holder.end();
    await observer.end();
    await handle.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await handle.db.delete(accessRequests);
    const [row] = await handle.db
      .insert(accessRequests)
      .values({ requesterId: 'user-nora', siteId: 'site-acme', appId: 'app-docuflow' })
      .returning({ id: accessRequests.id });
    requestId = row!.id;
  });

  /** Locks waited for in this database, by anyone but the holder. */
  const waitingLocks = async () =>
    (
      await observer.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
         where a.datname = current_database() and not l.granted and l.pid <> $1`,
        [(await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid],
      )
    ).rows[0]!.n;

  it.each([
    ['approve', { decision: 'approve' }],
    ['deny', { decision: 'deny', reason: 'No.' }],
  ])(
    "Gus (another organisation) bulk-%s Acme's request while Ada holds it: 404 at once, no lock waited for",
    async (_label, decision) => {
      // Ada is mid-decision on the request: its row and its (site, app) pair are locked.
      await holder.query('begin');
      await holder.query('select id from access_requests where id = $1 for update', [requestId]);
      await holder.query(`select pg_advisory_xact_lock(hashtext('site-acme'), hashtext('app-docuflow'))`);
      let settled = false;
      let waited = 0;
      try {
        const call = callRoute(decisionsRoute.POST, {
          method: 'POST',
          path: '/api/access-requests/decisions',
          body: { ids: [requestId], ...decision },
          as: 'gus',
        }).finally(() => (settled = true));
        const deadline = Date.now() + 5_000;
        while (!settled && Date.now() < deadline) {
          waited = Math.max(waited, await waitingLocks());
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(waited, 'Gus’s call waited for a lock on Acme’s request').toBe(0);
        expect(settled, 'Gus’s call answered while the request was locked').toBe(true);
        const response = await call;
        expect(response.status).toBe(404);
      } finally {
        await holder.query('rollback');
      }
      const [row] = await handle.db.select().from(accessRequests);
      expect(row?.status).toBe('open');
    },
  );

  it('Ada, who may decide it, still waits for the lock and then decides', async () => {
    await holder.query('begin');
    await holder.query('select id from access_requests where id = $1 for update', [requestId]);
    const call = callRoute(decisionsRoute.POST, {
      method: 'POST',
      path: '/api/access-requests/decisions',
      body: { ids: [requestId], decision: 'deny', reason: 'Use the PDF exporter.' },
      as: 'ada',
    });
    const deadline = Date.now() + 10_000;
    while ((await waitingLocks()) === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await waitingLocks()).toBeGreaterThan(0);
    await holder.query('rollback');
    expect((await call).status).toBe(200);
  });
});
