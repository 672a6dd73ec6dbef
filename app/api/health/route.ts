// GET /api/health – liveness for load balancers: 200 when the database answers, 503 when not.
// It also names background jobs whose last run failed for good (names only: the errors are in
// the logs and the queue's tables), so a monitor sees a stuck job without reading logs.
import { getDatabaseHandle } from '@/lib/db/client';
import { json } from '@/lib/http/route';
import { schedulerStatus } from '@/lib/jobs/start-scheduler';

export const dynamic = 'force-dynamic';

const PING_TIMEOUT_MS = 2_000;

async function jobsSummary() {
  try {
    const status = await schedulerStatus();
    if (!status) return { runner: 'not-started' as const, failing: [] };
    return {
      runner: status.runner,
      failing: status.jobs.filter((job) => job.failedRuns > 0 || job.retrying).map((job) => job.name),
    };
  } catch {
    return { runner: 'unknown' as const, failing: [] };
  }
}

export async function GET(): Promise<Response> {
  try {
    const handle = await getDatabaseHandle();
    await Promise.race([
      handle.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS)),
    ]);
    return json({ status: 'ok', db: 'ok', jobs: await jobsSummary() });
  } catch {
    return json({ status: 'degraded', db: 'unavailable' }, { status: 503, headers: { 'retry-after': '5' } });
  }
}
