import { beforeEach, describe, expect, it } from 'vitest';
import * as searchEventsRoute from '@/app/api/search/events/route';
import { searchLog } from '@/lib/db/schema';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { callRoute } from '@/tests/support/call-route';
import { readJson } from '@/tests/support/requests';
import { openSuiteDatabase, pgliteBackend } from '@/tests/support/test-database';

// POST /api/search/events: how the results page and the search box count a search someone
// settled on. Same-origin JSON only, rate-limited, and the server (not the browser) says how many
// results the query has.

const send = (body: unknown, headers: Record<string, string> = {}) =>
  callRoute(searchEventsRoute.POST, { method: 'POST', path: '/api/search/events', body, headers });

describe('POST /api/search/events', () => {
  const suite = openSuiteDatabase(pgliteBackend);
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await suite.db.delete(searchLog);
  });

  it('logs a settled search, redacted, with the result count the server finds', async () => {
    const response = await send({ kind: 'search', q: 'revoke app for ada@acme.test', resultCount: 999 });
    expect(response.status).toBe(400);
    const accepted = await send({ kind: 'search', q: 'revoke app for ada@acme.test' });
    expect(accepted.status).toBe(202);
    const none = await send({ kind: 'search', q: 'kubernetes helm chart' });
    expect(none.status).toBe(202);
    const rows = await suite.db.select().from(searchLog);
    expect(rows.map((row) => row.query).sort()).toEqual(['kubernetes helm chart', 'revoke app for [email]']);
    expect(rows.find((row) => row.query.startsWith('revoke'))!.resultCount).toBeGreaterThan(0);
    expect(rows.find((row) => row.query.startsWith('kubernetes'))!.resultCount).toBe(0);
  });

  it('counts a filtered search with its filters, as the results page showed it', async () => {
    await send({ kind: 'search', q: 'admin', product: 'confluence' });
    await send({ kind: 'search', q: 'admin' });
    const counts = (await suite.db.select().from(searchLog)).map((row) => row.resultCount);
    expect(counts[0]!).toBeLessThanOrEqual(counts[1]!);
  });

  it('refuses a cross-site or non-JSON beacon, and an unknown kind, and logs nothing', async () => {
    expect((await send({ kind: 'search', q: 'planted' }, { origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await send({ kind: 'search', q: 'planted' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(
      403,
    );
    expect((await send('{"kind":"search","q":"planted"}', { 'content-type': 'text/plain' })).status).toBe(
      415,
    );
    const unknown = await send({ kind: 'something-else', q: 'planted' });
    expect(unknown.status).toBe(400);
    expect(await readJson(unknown)).toEqual({
      error: { code: 'invalid_input', message: expect.any(String) },
    });
    expect(await suite.db.select().from(searchLog)).toEqual([]);
  });

  it('is rate-limited per client like other tracking (60 a minute)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await send({ kind: 'search', q: `query ${i}` })).status);
    expect(statuses.slice(0, 60).every((status) => status === 202)).toBe(true);
    expect(statuses.slice(60)).toEqual(Array(10).fill(429));
    expect(await suite.db.select().from(searchLog)).toHaveLength(60);
  });
});
