// GET /api/ping – a constant answer that touches nothing: the load benchmark's baseline for what the
// server itself costs per request, so other routes are reported as a ratio to it.
export const dynamic = 'force-dynamic';

const PONG = JSON.stringify({ status: 'ok' });

export function GET(): Response {
  return new Response(PONG, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
