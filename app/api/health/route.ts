// GET /api/health – liveness for load balancers: 200 when the database answers, 503 when not.
import { getDatabaseHandle } from '@/lib/db/client';
import { json } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const PING_TIMEOUT_MS = 2_000;

export async function GET(): Promise<Response> {
  try {
    const handle = await getDatabaseHandle();
    await Promise.race([
      handle.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS)),
    ]);
    return json({ status: 'ok', db: 'ok' });
  } catch {
    return json({ status: 'degraded', db: 'unavailable' }, { status: 503, headers: { 'retry-after': '5' } });
  }
}
