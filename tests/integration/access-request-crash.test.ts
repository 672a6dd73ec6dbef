import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DatabaseHandle } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed-demo';
import { unsafeListSiteAdmins } from '@/lib/directory/list-site-admins';

// Faults: a server killed (SIGKILL, no cleanup) while it stores an access request leaves it
// stored completely or not at all. A child process files requests in a loop through the app's own
// create path against PostgreSQL. Two kills are placed inside a transaction on purpose: this test
// holds a lock on one table the create path writes late, waits until the child is blocked on it
// (with its earlier inserts made but not committed), and kills it there. More kills land at random
// moments. After each, every stored request must have all its companion rows, and no companion
// row may point at a request that is not there.

const adminUrl = process.env.TEST_DATABASE_URL;
const root = path.resolve(import.meta.dirname, '../..');

interface Writer {
  child: ChildProcess;
  passes: () => number;
  exited: Promise<void>;
}

function startWriter(databaseUrl: string): Writer {
  const child = spawn('npx', ['tsx', '--conditions=react-server', 'tests/support/access-request-writer.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the kill takes npx, tsx and node at once.
    detached: true,
  });
  let passes = 0;
  let errors = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const last = chunk.toString().trim().split('\n').pop();
    if (last) passes = Number(last);
  });
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGKILL' && errors)
      console.error(`writer exited (${code ?? signal}): ${errors.slice(0, 2000)}`);
  });
  return { child, passes: () => passes, exited };
}

/** npx → tsx → node: kill the whole group, as the machine dying would. */
async function killWriter(writer: Writer): Promise<void> {
  process.kill(-writer.child.pid!, 'SIGKILL');
  await writer.exited;
}

async function waitFor(
  what: string,
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Needs a real PostgreSQL server to kill a writer against (PGlite lives inside the test process);
// .ci/run sets TEST_DATABASE_URL, so CI always runs it.
describe.skipIf(!adminUrl)(
  'an access request survives a killed server whole or not at all (PostgreSQL)',
  () => {
    const name = `gl_crash_${process.pid}_${randomBytes(3).toString('hex')}`;
    let url: string;
    let handle: DatabaseHandle;
    let observer: pg.Client;

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
      observer = new pg.Client({ connectionString: url });
      await observer.connect();
    });
    afterAll(async () => {
      await observer?.end();
      await handle?.close();
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    /** Backends of the killed writer linger until PostgreSQL notices the dead socket and rolls back. */
    async function writerBackendsGone(): Promise<void> {
      await waitFor('the killed writer’s connections to end', async () => {
        // The test's own connections are idle between queries; only the writer's can be busy.
        const { rows } = await observer.query(
          `select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and state <> 'idle'`,
          [name],
        );
        return rows[0].n === 0;
      });
    }

    /** Every request has all its companion rows; no companion row points at a missing request. */
    async function expectNothingHalfStored(): Promise<{ requests: number }> {
      const { rows: requests } = await observer.query<{
        id: string;
        site_id: string;
        requester_id: string;
        decision_reason: string | null;
        message: string | null;
      }>('select id, site_id, requester_id, decision_reason, message from access_requests');
      const { rows: outbox } = await observer.query<{
        kind: string;
        request_id: string;
        recipient_user_id: string;
      }>(`select kind, payload->>'requestId' as request_id, recipient_user_id from notification_outbox`);
      const { rows: audit } = await observer.query<{ action: string; request_id: string | null }>(
        `select action, details->>'requestId' as request_id from audit_log`,
      );
      const ids = new Set(requests.map((request) => request.id));
      expect(
        outbox.filter((row) => !ids.has(row.request_id)),
        'notifications without their request',
      ).toEqual([]);
      expect(
        audit.filter((row) => row.request_id !== null && !ids.has(row.request_id)),
        'audit rows without their request',
      ).toEqual([]);

      for (const request of requests) {
        const admins = (await unsafeListSiteAdmins(handle.db, request.site_id))
          .map((admin) => admin.id)
          .sort();
        const sent = (kind: string) =>
          outbox
            .filter((row) => row.request_id === request.id && row.kind === kind)
            .map((row) => row.recipient_user_id)
            .sort();
        if (request.decision_reason === 'pre-approved') {
          expect(sent('access_request.auto_approved'), `admins told of pre-approved ${request.id}`).toEqual(
            admins,
          );
          expect(sent('access_request.approved'), `requester told of ${request.id}`).toEqual([
            request.requester_id,
          ]);
          expect(
            audit.filter((row) => row.request_id === request.id && row.action === 'app.authorized'),
          ).toHaveLength(1);
        } else {
          expect(sent('access_request.created'), `admins told of ${request.id}`).toEqual(admins);
          expect(request.message ?? '').toMatch(/^pass \d+$/);
        }
      }
      return { requests: requests.length };
    }

    /** Kills the writer while it is blocked on `table` inside its transaction, earlier inserts made. */
    async function killInsideTransaction(table: string, alreadyWritten: string): Promise<void> {
      const locker = new pg.Client({ connectionString: url });
      await locker.connect();
      await locker.query('begin');
      // EXCLUSIVE blocks inserts into the table but not reads of it.
      await locker.query(`lock table ${table} in exclusive mode`);
      const writer = startWriter(url);
      try {
        await waitFor(`the writer to block on ${table}`, async () => {
          const { rows } = await observer.query(
            `select pid from pg_stat_activity where datname = $1 and wait_event_type = 'Lock' and query ilike $2`,
            [name, `insert into "${table}"%`],
          );
          return rows.length > 0;
        });
        // Proof that the kill lands mid-transaction: the blocked backend already wrote `alreadyWritten`.
        const { rows } = await observer.query(
          `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where a.datname = $1 and a.wait_event_type = 'Lock' and l.relation = $2::regclass and l.mode = 'RowExclusiveLock' and l.granted`,
          [name, alreadyWritten],
        );
        expect(rows[0].n, `${alreadyWritten} written in the open transaction`).toBe(1);
        await killWriter(writer);
      } finally {
        if (writer.child.exitCode === null && writer.child.signalCode === null) await killWriter(writer);
        await locker.query('rollback');
        await locker.end();
      }
      await writerBackendsGone();
    }

    it(
      'killed after inserting the request, before its notifications: nothing stored',
      { timeout: 60_000 },
      async () => {
        const before = await expectNothingHalfStored();
        await killInsideTransaction('notification_outbox', 'access_requests');
        expect(await expectNothingHalfStored()).toEqual(before);
      },
    );

    it(
      'killed after authorizing a pre-approved app, before its audit row: nothing of it stored',
      { timeout: 60_000 },
      async () => {
        await killInsideTransaction('audit_log', 'site_app_status');
        await expectNothingHalfStored();
        const { rows } = await observer.query(
          `select status from site_app_status where site_id = 'site-acme-sandbox' and app_id = 'app-roadmap'`,
        );
        expect(rows.map((row) => row.status)).not.toContain('authorized');
      },
    );

    it(
      'killed at random moments while filing requests: every request is whole',
      { timeout: 90_000 },
      async () => {
        let stored = 0;
        for (let round = 0; round < 3; round++) {
          const writer = startWriter(url);
          const target = writer.passes() + 3;
          await waitFor(
            'the writer to file a few requests',
            () => writer.passes() >= target || writer.child.exitCode !== null,
          );
          expect(writer.child.exitCode, 'the writer crashed on its own').toBeNull();
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
          await killWriter(writer);
          await writerBackendsGone();
          stored = (await expectNothingHalfStored()).requests;
        }
        expect(stored).toBeGreaterThan(0);
      },
    );
  },
);
