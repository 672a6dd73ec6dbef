import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as feedbackRoute from '@/app/api/feedback/route';
import * as searchEventsRoute from '@/app/api/search/events/route';
import { articleFeedback, searchResultOpens, searchUsageSignal } from '@/lib/db/schema';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { queryFamily } from '@/lib/search/query-family';
import { searchHelpCenter } from '@/lib/search/search-help-center';
import { refreshUsageBoosts, resetUsageBoosts } from '@/lib/search/usage-cache';
import { unsafeLoadSearchLearning } from '@/lib/search/usage-insights';
import { HALF_LIFE_DAYS, MIN_VISITORS, usageBoost } from '@/lib/search/usage-signal';
import { loadUsageAggregates, recordResultOpen, recordVoteAfterOpen } from '@/lib/search/usage-store';
import { callRoute } from '@/tests/support/call-route';
import { readJson } from '@/tests/support/requests';
import { openSuiteDatabase, testBackends } from '@/tests/support/test-database';

// Learning from use on the help center (fixture articles): which result a searcher opens from a
// search and whether they then vote it helpful, through POST /api/search/events and POST
// /api/feedback, moves that article for the query's family once enough distinct visitors agree.
// For "stop an app", text alone ranks pre-approve-apps first and site-admin-must-authorize-app second.
const QUERY = 'stop an app';
const OTHER_WORDING = 'How can I stop an app?';
const FIRST = 'pre-approve-apps';
const SECOND = 'site-admin-must-authorize-app';

const cookieFor = (visitorId: string) => ({ cookie: `gl_vid=${visitorId}` });

const open = (body: unknown, headers: Record<string, string> = {}) =>
  callRoute(searchEventsRoute.POST, { method: 'POST', path: '/api/search/events', body, headers });

const vote = (visitorId: string, slug: string, helpful: boolean) =>
  callRoute(feedbackRoute.POST, {
    method: 'POST',
    path: '/api/feedback',
    body: helpful ? { slug, helpful } : { slug, helpful, reason: 'inaccurate' },
    headers: cookieFor(visitorId),
  });

/** One searcher: opens the first result and says it did not help, then the second and says it did. */
async function searcherPrefersSecond(visitorId: string, q = QUERY) {
  expect((await open({ kind: 'open', q, slug: FIRST }, cookieFor(visitorId))).status).toBe(202);
  expect((await vote(visitorId, FIRST, false)).status).toBeLessThan(300);
  expect((await open({ kind: 'open', q, slug: SECOND }, cookieFor(visitorId))).status).toBe(202);
  expect((await vote(visitorId, SECOND, true)).status).toBeLessThan(300);
}

const order = (q: string) => searchHelpCenter({ q, limit: 5 }).results.map((r) => r.slug);

describe.each(testBackends())('search usage signal on $name', (backend) => {
  const suite = openSuiteDatabase(backend);
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    resetUsageBoosts();
    await suite.db.delete(searchResultOpens);
    await suite.db.delete(searchUsageSignal);
    await suite.db.delete(articleFeedback);
  });
  afterEach(() => resetUsageBoosts());

  it('starts from the text ranking', async () => {
    await refreshUsageBoosts(suite.db);
    expect(order(QUERY).slice(0, 2)).toEqual([FIRST, SECOND]);
    expect(order(OTHER_WORDING)[0]).toBe(FIRST);
    expect(queryFamily(OTHER_WORDING)).toBe(queryFamily(QUERY));
  });

  it('moves an article for the whole family once several visitors open it and find it helpful', async () => {
    const before = order(OTHER_WORDING);
    for (let i = 0; i < 6; i++) await searcherPrefersSecond(randomUUID());
    await refreshUsageBoosts(suite.db);
    const after = order(OTHER_WORDING);
    expect(before[0]).toBe(FIRST);
    expect(after[0]).toBe(SECOND);
    expect(after.indexOf(FIRST)).toBeGreaterThan(0);
    expect(order(QUERY).slice(0, 2)).toEqual([SECOND, FIRST]);

    const changes = await unsafeLoadSearchLearning(suite.db);
    const lifted = changes.find((c) => c.slug === SECOND)!;
    expect(lifted).toMatchObject({
      query: 'stop an app',
      visitors: 6,
      helpful: 6,
      notHelpful: 0,
      rankAfter: 1,
    });
    expect(lifted.boost).toBeGreaterThan(0);
    expect(lifted.rankBefore).toBeGreaterThan(1);
    const dropped = changes.find((c) => c.slug === FIRST)!;
    expect(dropped).toMatchObject({ visitors: 6, helpful: 0, notHelpful: 6, rankBefore: 1, rankAfter: 2 });
    expect(dropped.boost).toBeLessThan(0);
  });

  // Two hundred requests: a longer allowance than the default under a loaded machine.
  it('changes nothing when one visitor opens and votes a hundred times', { timeout: 120_000 }, async () => {
    const visitorId = randomUUID();
    const before = searchHelpCenter({ q: QUERY, limit: 5 }).results.map((r) => [r.slug, r.score]);
    for (let i = 0; i < 100; i++) {
      // A fresh allowance each round: this is about the signal, not the rate limit.
      setRateLimiterForTests(createMemoryRateLimiter());
      const q = i % 2 ? QUERY : OTHER_WORDING;
      expect((await open({ kind: 'open', q, slug: SECOND }, cookieFor(visitorId))).status).toBe(202);
      expect((await vote(visitorId, SECOND, true)).status).toBeLessThan(300);
    }
    await refreshUsageBoosts(suite.db);
    expect(searchHelpCenter({ q: QUERY, limit: 5 }).results.map((r) => [r.slug, r.score])).toEqual(before);
    const stored = await suite.db.select().from(searchUsageSignal);
    expect(stored.map((row) => [row.articleSlug, row.visitors, row.helpful])).toEqual([[SECOND, 1, 1]]);
    expect(await unsafeLoadSearchLearning(suite.db)).toEqual([]);
  });

  it(`needs ${MIN_VISITORS} distinct visitors: fewer move nothing`, async () => {
    for (let i = 0; i < MIN_VISITORS - 1; i++) await searcherPrefersSecond(randomUUID());
    await refreshUsageBoosts(suite.db);
    expect(await unsafeLoadSearchLearning(suite.db)).toEqual([]);
    await searcherPrefersSecond(randomUUID());
    expect((await unsafeLoadSearchLearning(suite.db)).map((c) => c.slug).sort()).toEqual([FIRST, SECOND]);
  });

  it('keeps no visitor id: the stored visitor is a keyed hash of it', async () => {
    const visitorId = randomUUID();
    await searcherPrefersSecond(visitorId);
    const rows = await suite.db.select().from(searchResultOpens);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.visitorHash).not.toContain(visitorId);
      expect(row.visitorHash).toMatch(/^[\w-]{32}$/);
    }
    expect(rows.map((row) => row.helpful).sort()).toEqual([false, true]);
  });

  it('learns nothing from a query with personal data or a pasted log; keeps others as the search log does', async () => {
    const visitorId = randomUUID();
    await open({ kind: 'open', q: 'stop app for ada@acme.test', slug: SECOND }, cookieFor(visitorId));
    await open(
      {
        kind: 'open',
        q: 'GET https://acme.atlassian.net/rest/api/3/app?token=abc123def456ghi789',
        slug: SECOND,
      },
      cookieFor(visitorId),
    );
    await open({ kind: 'open', q: '  Stop\u0007 An   App ', slug: SECOND }, cookieFor(visitorId));
    const rows = await suite.db.select().from(searchResultOpens);
    expect(rows.map((row) => row.query)).toEqual(['stop an app']);
  });

  it('counts a vote only for results opened from a search in the day before it', async () => {
    const now = new Date('2026-11-01T10:00:00Z');
    const later = new Date(now.getTime() + 25 * 60 * 60 * 1000);
    await recordResultOpen(suite.db, { visitorHash: 'h1', q: QUERY, slug: SECOND }, now);
    expect(
      await recordVoteAfterOpen(suite.db, { visitorHash: 'h1', slug: SECOND, helpful: true }, later),
    ).toBe(0);
    expect(await recordVoteAfterOpen(suite.db, { visitorHash: 'h2', slug: SECOND, helpful: true }, now)).toBe(
      0,
    );
    expect(await recordVoteAfterOpen(suite.db, { visitorHash: 'h1', slug: SECOND, helpful: true }, now)).toBe(
      1,
    );
  });

  it('fades: the same votes read two half-lives later move the article less', async () => {
    const now = new Date();
    for (const hash of ['a', 'b', 'c', 'd']) {
      await recordResultOpen(suite.db, { visitorHash: hash, q: QUERY, slug: SECOND }, now);
      await recordVoteAfterOpen(suite.db, { visitorHash: hash, slug: SECOND, helpful: true }, now);
    }
    const [aggregate] = await loadUsageAggregates(suite.db);
    const later = new Date(now.getTime() + 2 * HALF_LIFE_DAYS * 24 * 60 * 60 * 1000);
    expect(usageBoost(aggregate!, later)).toBeGreaterThan(0);
    expect(usageBoost(aggregate!, later)).toBeLessThan(usageBoost(aggregate!, now));
  });

  it.each([
    ['an unknown article', { kind: 'open', q: QUERY, slug: 'no-such-article' }, 'unknown_article'],
    ['a slug that is no slug', { kind: 'open', q: QUERY, slug: '../admin' }, 'invalid_input'],
    ['no query', { kind: 'open', slug: SECOND }, 'invalid_input'],
    ['an empty query', { kind: 'open', q: '\u0000 ', slug: SECOND }, 'invalid_input'],
    ['an extra field', { kind: 'open', q: QUERY, slug: SECOND, visitor: 'x' }, 'invalid_input'],
    ['a query too long', { kind: 'open', q: 'a'.repeat(201), slug: SECOND }, 'invalid_input'],
  ])('answers %s with 400 and stores nothing', async (_name, body, code) => {
    const response = await open(body);
    expect(response.status).toBe(400);
    expect(await readJson(response)).toEqual({ error: { code, message: expect.any(String) } });
    expect(await suite.db.select().from(searchResultOpens)).toEqual([]);
  });

  it('refuses a cross-site open and is rate-limited like other tracking', async () => {
    const cross = await open({ kind: 'open', q: QUERY, slug: SECOND }, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++)
      statuses.push((await open({ kind: 'open', q: `stop app ${i}`, slug: SECOND })).status);
    expect(statuses.slice(0, 60).every((status) => status === 202)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
  });
});
