import { count } from 'drizzle-orm';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import messages from '@/messages/en.json';

// children go as createElement's third argument (react/no-children-prop), not in the props.
type IntlProviderProps = ComponentProps<typeof NextIntlClientProvider>;
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import InsightsPage from '@/app/[locale]/admin/insights/page';
import * as exportRoute from '@/app/api/insights/export/route';
import { resetConfigForTests } from '@/lib/config';
import { setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { accessRequests, articleFeedback, flowEvents, searchLog, users } from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import type { Viewer } from '@/lib/auth/viewer';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { insightsRangeSchema, resolveInsightsRange } from '@/lib/insights/date-range';
import { insightsAccessFor } from '@/lib/insights/insights-access';
import type { InsightsReport } from '@/lib/insights/insights-report';
import { getInsightsReportForViewer } from '@/lib/insights/load-insights-report';
import { seedDemoActivity } from '@/lib/demo/seed-demo-activity';
import { openAtlassianModeSuite } from '@/tests/support/atlassian-mode';
import { callRoute } from '@/tests/support/call-route';
import { demoUser, type DemoUserKey } from '@/tests/support/session';
import { openSuiteDatabase, testBackends } from '@/tests/support/test-database';

// The insights page reads the viewer from the session cookie; here the test decides who is signed in.
const signedIn = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock('@/lib/auth/current-viewer', () => ({ getCurrentViewer: async () => signedIn.viewer }));

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

/** A week of activity: three searches, two votes, three troubleshooter visits, requests on two organisations. */
async function seedInsightsFixtures(db: DatabaseHandle['db']): Promise<void> {
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
    // Globex is not Ada's organisation, and Nora and Sam administer none: never in their figures.
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
}

/** The help-center half of the report from seedInsightsFixtures: the same for everyone who may see insights. */
function expectHelpCenterFigures(report: InsightsReport): void {
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
}

/** The request half as Ada, admin of Acme only, sees it: never Globex's request. */
function expectAcmeRequestsOnly(report: InsightsReport): void {
  expect(report.requests).toMatchObject({
    decided: 2,
    approved: 1,
    denied: 1,
    open: 1,
    medianMs: 3 * HOUR,
  });
  expect(report.requests.decisions.map((row) => row.siteName)).toEqual(['acme', 'acme']);
}

describe.each(testBackends())('insights query layer and CSV export on $name', (backend) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await backend.open();
    setDatabaseForTests(handle);
    setRateLimiterForTests(createMemoryRateLimiter());
    await seedDemo(handle.db);
    await seedInsightsFixtures(handle.db);
  });
  afterAll(async () => {
    setDatabaseForTests(undefined);
    await handle.close();
  });

  it("builds Ada's report from the range's events, with requests of her organisation only", async () => {
    const report = await getInsightsReportForViewer(handle.db, viewerOf('ada'), last7Days, NOW);
    expectHelpCenterFigures(report);
    expectAcmeRequestsOnly(report);
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

/** The page as HTML for this demo user (or signed out), or '404' when Next would show not-found. */
async function renderInsightsPage(key: DemoUserKey | undefined): Promise<string> {
  signedIn.viewer = key ? viewerOf(key) : null;
  try {
    const page = await InsightsPage({
      params: Promise.resolve({ locale: 'en' }),
      searchParams: Promise.resolve({ range: '7d' }),
    });
    // The layout's provider, which the page's localized links read their locale from.
    return renderToStaticMarkup(
      createElement(
        NextIntlClientProvider,
        { locale: 'en', messages, timeZone: 'UTC' } as unknown as IntlProviderProps,
        page,
      ),
    );
  } catch (error) {
    if (((error as { digest?: string }).digest ?? '').startsWith('NEXT_HTTP_ERROR_FALLBACK;404'))
      return '404';
    throw error;
  } finally {
    signedIn.viewer = null;
  }
}

const REQUEST_DECISIONS_HEADER = 'Decided (UTC),Site,App,Decision,Requested (UTC),Hours to decision';
const csvLines = async (response: Response) => (await response.text()).split('\r\n').filter(Boolean);

/** Sets GREENLIGHT_INSIGHTS_VIEWERS and makes the next getConfig() read it. */
function listInsightsViewers(value: string): void {
  vi.stubEnv('GREENLIGHT_INSIGHTS_VIEWERS', value);
  resetConfigForTests();
}

// Nora by e-mail (written in another case), Sam by account id; neither administers an organisation.
const LISTED = ` NORA@acme.test , ${demoUser('sam').accountId} ,`;

describe.each(testBackends())('insights for configured insights viewers on $name', (backend) => {
  const suite = openSuiteDatabase(backend, {
    seed: async (db) => {
      await seedDemo(db);
      await seedInsightsFixtures(db);
    },
  });
  beforeAll(() => {
    setRateLimiterForTests(createMemoryRateLimiter());
    listInsightsViewers(LISTED);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    resetConfigForTests();
  });

  it.each([
    ['nora (listed by e-mail)', 'nora'],
    ['sam (listed by account id; site admin of acme-sandbox, admin of no organisation)', 'sam'],
  ] as const)('gives %s the help-center figures and no request figures', async (_who, key) => {
    const report = await getInsightsReportForViewer(suite.db, viewerOf(key), last7Days, NOW);
    expectHelpCenterFigures(report);
    expect(report.requests).toEqual({
      decided: 0,
      approved: 0,
      denied: 0,
      medianMs: null,
      open: 0,
      decisions: [],
      reach: { asked: 0, nobody: 0, fallbackOnly: 0 },
    });
  });

  it.each(['nora', 'sam'] as const)(
    'exports help-center datasets to %s, and the request dataset with no rows',
    async (key) => {
      const searches = await exportCsv(key, 'dataset=top-searches&range=7d');
      expect(searches.status).toBe(200);
      expect(await csvLines(searches)).toEqual([
        'Query,Searches',
        'connected apps,2',
        `"'=hyperlink(""http://evil.test"")",1`,
      ]);
      const votes = await exportCsv(key, 'dataset=article-helpfulness&range=7d');
      expect(await csvLines(votes)).toEqual(['Article,Yes,No,Helpful %', 'connected-apps-page,1,1,50']);
      const requests = await exportCsv(key, 'dataset=request-decisions&range=7d');
      expect(requests.status).toBe(200);
      expect(await csvLines(requests)).toEqual([REQUEST_DECISIONS_HEADER]);
    },
  );

  it('shows Nora the page with help-center figures and a "no organisation" note in place of requests', async () => {
    const html = await renderInsightsPage('nora');
    expect(html).toContain('Troubleshooter visits');
    expect(html).toContain('connected apps');
    expect(html).toContain('access requests are left out, as you administer no organisation.');
    expect(html).toContain('No organisation: access requests belong to the organisation');
    expect(html).not.toContain('Median time to a decision');
    expect(html).not.toContain('Open requests');
    expect(html).not.toContain('insight-request-decisions');
    expect(html).not.toContain('globex');
    // The console shows its Insights link to exactly those insightsAccessFor lets in.
    expect(await insightsAccessFor(suite.db, viewerOf('nora'))).not.toBeNull();
  });

  it('still answers 404 to Gus, who is neither listed nor an org admin, and to nobody signed in', async () => {
    await expect(getInsightsReportForViewer(suite.db, viewerOf('gus'), last7Days, NOW)).rejects.toMatchObject(
      {
        status: 404,
      },
    );
    expect((await exportCsv('gus', 'dataset=top-searches')).status).toBe(404);
    expect(await renderInsightsPage('gus')).toBe('404');
    expect(await insightsAccessFor(suite.db, viewerOf('gus'))).toBeNull();
    expect(await renderInsightsPage(undefined)).toBe('404');
  });

  it('leaves Ada, an org admin who is not listed, exactly as before', async () => {
    const report = await getInsightsReportForViewer(suite.db, viewerOf('ada'), last7Days, NOW);
    expectHelpCenterFigures(report);
    expectAcmeRequestsOnly(report);
    const html = await renderInsightsPage('ada');
    expect(html).toContain('Median time to a decision');
    expect(html).toContain('insight-request-decisions');
    expect(html).toContain('access requests cover the sites of the organisations you administer.');
    expect(html).not.toContain('No organisation');
    const requests = await csvLines(await exportCsv('ada', 'dataset=request-decisions&range=7d'));
    expect(requests[0]).toBe(REQUEST_DECISIONS_HEADER);
    expect(requests.slice(1).map((line) => line.split(',')[1])).toEqual(['acme', 'acme']);
  });

  it("gives a listed org admin her own organisation's requests and no more", async () => {
    listInsightsViewers(`${LISTED},ada@acme.test`);
    try {
      const report = await getInsightsReportForViewer(suite.db, viewerOf('ada'), last7Days, NOW);
      expectHelpCenterFigures(report);
      expectAcmeRequestsOnly(report);
    } finally {
      listInsightsViewers(LISTED);
    }
  });
});

// Production's case: with Atlassian sign-in nobody is an org admin (3LO cannot say), so only the
// list lets anyone see insights.
describe('insights with Atlassian sign-in', () => {
  const suite = openAtlassianModeSuite();
  const ADA = {
    accountId: '712020:ada-0000-4000-8000-000000000001',
    email: 'ada@acme.test',
    name: 'Ada Admin',
  };
  beforeAll(async () => {
    await seedInsightsFixtures(suite.handle.db);
  });
  async function atlassianExport(query: string) {
    const { cookie } = await suite.signIn(ADA);
    return callRoute(exportRoute.GET, {
      method: 'GET',
      path: `/api/insights/export?${query}`,
      headers: { cookie },
    });
  }

  it('keeps Ada, a Jira and Confluence admin, out until her account id is listed; then help-center figures only', async () => {
    listInsightsViewers('');
    expect((await atlassianExport('dataset=top-searches&range=7d')).status).toBe(404);

    listInsightsViewers(ADA.accountId);
    const searches = await atlassianExport('dataset=top-searches&range=7d');
    expect(searches.status).toBe(200);
    expect((await csvLines(searches))[1]).toBe('connected apps,2');
    const requests = await atlassianExport('dataset=request-decisions&range=7d');
    expect(await csvLines(requests)).toEqual([REQUEST_DECISIONS_HEADER]);
  });
});
