import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as exportRoute from '@/app/api/insights/export/route';
import { setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { accessRequests, articleFeedback, flowEvents, searchLog, users } from '@/lib/db/schema';
import { seedDemo } from '@/lib/db/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { insightsRangeSchema, resolveInsightsRange } from '@/lib/insights/date-range';
import { getInsightsReportForViewer } from '@/lib/insights/load-insights-report';
import { seedDemoActivity } from '@/lib/insights/seed-demo-activity';
import { callRoute } from '@/tests/support/call-route';
import { demoUser, type DemoUserKey } from '@/tests/support/session';
import { testBackends } from '@/tests/support/test-database';

const NOW = new Date();
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
const viewerOf = (key: DemoUserKey) => {
  const user = demoUser(key);
  return {
    userId: user.id,
    accountId: user.accountId,
    email: user.email,
    name: user.name,
    source: 'local' as const,
  };
};
const last7Days = resolveInsightsRange(insightsRangeSchema.parse({ range: '7d' }), NOW);

const exportCsv = (as: DemoUserKey | undefined, query: string) =>
  callRoute(exportRoute.GET, { method: 'GET', path: `/api/insights/export?${query}`, ...(as ? { as } : {}) });

describe.each(testBackends())('insights query layer and CSV export on $name', (backend) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await backend.open();
    setDatabaseForTests(handle);
    setRateLimiterForTests(createMemoryRateLimiter());
    await seedDemo(handle.db);
    const db = handle.db;
    await db.insert(searchLog).values([
      { query: 'connected apps', resultCount: 4, ms: 5, createdAt: ago(2) },
      { query: 'connected apps', resultCount: 4, ms: 5, createdAt: ago(30) },
      { query: '=hyperlink("http://evil.test")', resultCount: 0, ms: 5, createdAt: ago(3) },
      { query: 'too old to count', resultCount: 0, ms: 5, createdAt: ago(24 * 40) },
    ]);
    await db.insert(articleFeedback).values([
      { articleSlug: 'connected-apps-page', visitorId: 'v1', helpful: true, updatedAt: ago(5) },
      {
        articleSlug: 'connected-apps-page',
        visitorId: 'v2',
        helpful: false,
        reason: 'inaccurate',
        comment: '@admin, "step 3" is wrong',
        updatedAt: ago(4),
      },
    ]);
    const event = (
      visitId: string,
      node: string,
      kind: 'node_shown' | 'outcome_reached',
      hours: number,
      outcome: string | null = null,
    ) => ({
      visitId,
      flow: 'authorize-app',
      node,
      kind,
      outcome,
      createdAt: ago(hours),
    });
    await db
      .insert(flowEvents)
      .values([
        event('visit-1', 'request-access', 'node_shown', 10),
        event('visit-1', 'requested', 'node_shown', 9.9),
        event('visit-1', 'requested', 'outcome_reached', 9.9, 'requested'),
        event('visit-2', 'ask-role', 'node_shown', 8),
        event('visit-3', 'ask-role', 'node_shown', 7),
        event('visit-3', 'contact-admin', 'node_shown', 6.9),
        event('visit-3', 'contact-admin', 'outcome_reached', 6.9, 'escalated'),
      ]);
    await db.insert(accessRequests).values([
      {
        requesterId: 'user-nora',
        siteId: 'site-acme',
        appId: 'app-docuflow',
        status: 'approved',
        createdAt: ago(20),
        decidedAt: ago(18),
        decidedBy: 'user-ada',
      },
      {
        requesterId: 'user-sam',
        siteId: 'site-acme',
        appId: 'app-roadmap',
        status: 'denied',
        createdAt: ago(20),
        decidedAt: ago(16),
        decidedBy: 'user-ada',
        decisionReason: 'no',
      },
      {
        requesterId: 'user-nora',
        siteId: 'site-acme',
        appId: 'app-roadmap',
        status: 'open',
        createdAt: ago(1),
      },
      // Globex is not Ada's organisation: never in her figures.
      {
        requesterId: 'user-gus',
        siteId: 'site-globex',
        appId: 'app-docuflow',
        status: 'approved',
        createdAt: ago(100),
        decidedAt: ago(1),
        decidedBy: 'user-gus',
      },
    ]);
  });
  afterAll(async () => {
    setDatabaseForTests(undefined);
    await handle.close();
  });

  it("builds Ada's report from the range's events, with requests of her organisation only", async () => {
    const report = await getInsightsReportForViewer(handle.db, viewerOf('ada'), last7Days, NOW);
    expect(report.searches).toMatchObject({ total: 3, withoutResult: 1 });
    expect(report.searches.top[0]).toEqual({ query: 'connected apps', searches: 2 });
    expect(report.articles).toMatchObject({ votes: 2, helpfulVotes: 1 });
    const funnel = report.funnels.find((candidate) => candidate.flow === 'authorize-app')!;
    expect(funnel).toMatchObject({
      visits: 3,
      endings: { resolved: 0, requested: 1, escalated: 1, abandoned: 1 },
      deflected: 1,
    });
    expect(funnel.nodes.find((node) => node.node === 'ask-role')).toEqual({
      node: 'ask-role',
      reached: 2,
      leftHere: 1,
    });
    expect(report.requests).toMatchObject({
      decided: 2,
      approved: 1,
      denied: 1,
      open: 1,
      medianMs: 3 * HOUR,
    });
    expect(report.requests.decisions.map((row) => row.siteName)).toEqual(['acme', 'acme']);
  });

  it.each(['sam', 'nora', 'gus'] as const)('refuses %s (not an org admin) with not found', async (key) => {
    await expect(getInsightsReportForViewer(handle.db, viewerOf(key), last7Days, NOW)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('exports a dataset as CSV for Ada, with a filename and formula cells defused', async () => {
    const response = await exportCsv('ada', 'dataset=content-gaps&range=7d');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="greenlight-content-gaps-${last7Days.from}-to-${last7Days.to}.csv"`,
    );
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('Query,Searches,Last searched (UTC)');
    expect(lines[1]).toMatch(/^"'=hyperlink\(""http:\/\/evil\.test""\)",1,\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(lines).toHaveLength(3);

    const comments = await (await exportCsv('ada', 'dataset=feedback-comments&range=7d')).text();
    expect(comments).toContain(`,connected-apps-page,inaccurate,"'@admin, ""step 3"" is wrong"`);
  });

  it('exports a custom range', async () => {
    const day = NOW.toISOString().slice(0, 10);
    const response = await exportCsv('ada', `dataset=searches-by-day&range=custom&from=${day}&to=${day}`);
    expect(response.status).toBe(200);
    expect((await response.text()).split('\r\n')[1]).toMatch(new RegExp(`^${day},\\d+,\\d+$`));
  });

  it.each([
    ['sam (site admin of acme-sandbox only)', 'sam' as const, 'dataset=top-searches', 404],
    ['nora', 'nora' as const, 'dataset=top-searches', 404],
    ['nora with a bad query', 'nora' as const, 'dataset=passwords', 404],
    ['signed out', undefined, 'dataset=top-searches', 401],
    ['ada with an unknown dataset', 'ada' as const, 'dataset=passwords', 400],
    [
      'ada with from after to',
      'ada' as const,
      'dataset=top-searches&range=custom&from=2025-03-02&to=2025-03-01',
      400,
    ],
  ])('answers %s with %s and the JSON error shape', async (_who, as, query, status) => {
    const response = await exportCsv(as, query);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  });

  it('seeds demo activity twice without doubling it, and leaves other rows alone', async () => {
    const totals = async () => {
      const [searches] = await handle.db.select({ n: count() }).from(searchLog);
      const [votes] = await handle.db.select({ n: count() }).from(articleFeedback);
      const [events] = await handle.db.select({ n: count() }).from(flowEvents);
      const [requests] = await handle.db.select({ n: count() }).from(accessRequests);
      const [people] = await handle.db.select({ n: count() }).from(users);
      return [searches?.n, votes?.n, events?.n, requests?.n, people?.n].map(Number);
    };
    const before = await totals();
    const expected = (activity: Awaited<ReturnType<typeof seedDemoActivity>>) => [
      before[0]! + activity.searches.length,
      before[1]! + activity.votes.length,
      before[2]! + activity.flowEvents.length,
      before[3]! + activity.requests.length,
      before[4]! + 4,
    ];
    const first = await seedDemoActivity(handle.db, NOW);
    expect(await totals()).toEqual(expected(first));
    // A later run replaces the earlier demo activity (its 30 days end at the new now).
    const second = await seedDemoActivity(handle.db, new Date(NOW.getTime() + HOUR));
    expect(await totals()).toEqual(expected(second));
    const report = await getInsightsReportForViewer(
      handle.db,
      viewerOf('ada'),
      resolveInsightsRange({ range: '30d' }, NOW),
      NOW,
    );
    expect(report.searches.gaps.length).toBeGreaterThan(3);
    expect(report.deflection.rate).toBeGreaterThan(0);
  });
});
