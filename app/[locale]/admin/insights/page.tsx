import type { Metadata } from 'next';
import { ChartPanel } from '@/components/insights/ChartPanel';
import { HeadlineFigures, type HeadlineFigure } from '@/components/insights/HeadlineFigures';
import { InsightsBarChart } from '@/components/insights/InsightsBarChart';
import { RangeFilter } from '@/components/insights/RangeFilter';
import { StaleArticles } from '@/components/insights/StaleArticles';
import { getArticles } from '@/lib/content/articles';
import { staleArticles } from '@/lib/content/freshness';
import { SearchLearningPanel } from '@/components/insights/SearchLearningPanel';
import {
  insightsRangeSchema,
  rangeSearchParams,
  resolveInsightsRange,
  type InsightsRange,
} from '@/lib/insights/date-range';
import { insightsDataset, type InsightsDatasetId } from '@/lib/insights/insights-datasets';
import type { InsightsReport } from '@/lib/insights/insights-report';
import { unsafeLoadInsightsReport } from '@/lib/insights/load-insights-report';
import { formatDuration } from '@/lib/insights/request-insights';
import { gateAdminPage } from '@/lib/pages/admin-gate';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { unsafeLoadSearchLearning } from '@/lib/search/usage-insights';

export const metadata: Metadata = { title: 'Insights' };
export const dynamic = 'force-dynamic';

const PATH = '/admin/insights';
const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);
const number = (value: number) => value.toLocaleString('en');

/** The range from the URL; an invalid one falls back to the default with a message, never a crash. */
function rangeFromParams(params: PageSearchParams, now: Date): { range: InsightsRange; problem?: string } {
  const parsed = parsePageParams(insightsRangeSchema, params);
  if (parsed.ok) return { range: resolveInsightsRange(parsed.params, now) };
  return {
    range: resolveInsightsRange({}, now),
    problem: `That date range does not work (${parsed.issue.path || 'range'}: ${parsed.issue.message}). Showing the last 30 days.`,
  };
}

/** The figures at the top; request figures only for a viewer who administers an organisation. */
function headlineFigures(report: InsightsReport, withRequests: boolean): HeadlineFigure[] {
  const { searches, articles, deflection, requests, funnels } = report;
  const visits = funnels.reduce((sum, funnel) => sum + funnel.visits, 0);
  const helpCenter: HeadlineFigure[] = [
    {
      label: 'Searches',
      value: number(searches.total),
      detail: `${number(searches.withoutResult)} found nothing (${percent(searches.total ? searches.withoutResult / searches.total : null)})`,
    },
    {
      label: 'Articles found helpful',
      value: percent(articles.votes ? articles.helpfulVotes / articles.votes : null),
      detail: `${number(articles.helpfulVotes)} of ${number(articles.votes)} votes said Yes`,
    },
    {
      label: 'Troubleshooter visits',
      value: number(visits),
      detail: `${number(deflection.ended)} ended, the rest still under way`,
    },
    {
      label: 'Deflection estimate',
      value: percent(deflection.rate),
      detail: `${number(deflection.deflected)} of ${number(deflection.ended)} ended visits resolved or requested, never escalated`,
    },
  ];
  if (!withRequests) return helpCenter;
  return [
    ...helpCenter,
    {
      label: 'Median time to a decision',
      value: formatDuration(requests.medianMs),
      detail: `over ${number(requests.decided)} decided requests (${number(requests.approved)} approved, ${number(requests.denied)} denied)`,
    },
    {
      label: 'Open requests',
      value: number(requests.open),
      detail: 'asked in this range and not yet decided',
    },
    {
      label: 'Requests that reached no admin',
      value: number(requests.reach.nobody),
      detail: `of ${number(requests.reach.asked)} asked in this range: no admin known and no fallback route; they wait in the inbox`,
    },
    {
      label: 'Requests that reached only a fallback route',
      value: number(requests.reach.fallbackOnly),
      detail: 'no admin of the site known to Greenlight; e-mailed to the route set for the site',
    },
  ];
}

export default async function InsightsPage({
  params,
  searchParams,
}: {
  params: Promise<LocaleParams>;
  searchParams: Promise<PageSearchParams>;
}) {
  await pageLocale(params);
  const { db, access } = await gateAdminPage('insights', PATH);
  // A configured insights viewer who administers no organisation sees no request figures.
  const withRequests = access.organizationIds.length > 0;

  const now = new Date();
  const { range, problem } = rangeFromParams(await searchParams, now);
  // The gate has just checked the viewer and returned the organisations they administer.
  const report = await unsafeLoadInsightsReport(db, access.organizationIds, range, now);
  const searchLearning = await unsafeLoadSearchLearning(db, now);
  const query = rangeSearchParams(range).toString();
  const panel = (id: InsightsDatasetId) => ({
    headingId: `insight-${id}`,
    dataset: insightsDataset(report, id),
    csvHref: `/api/insights/export?dataset=${id}&${query}`,
  });

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Insights</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">
          What people look for, what helps them and where the troubleshooter loses them, from {range.from} to{' '}
          {range.to} (UTC days). Searches, votes and troubleshooter visits are anonymous and cover the whole
          help center;{' '}
          {withRequests
            ? 'access requests cover the sites of the organisations you administer.'
            : 'access requests are left out, as you administer no organisation.'}
        </p>
      </header>

      <RangeFilter range={range} path={PATH} />
      {problem ? (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          {problem}
        </p>
      ) : null}

      <section aria-labelledby="headline-heading" className="space-y-3">
        <h2 id="headline-heading" className="text-xl font-semibold">
          At a glance
        </h2>
        <HeadlineFigures figures={headlineFigures(report, withRequests)} />
      </section>

      <section aria-labelledby="searches-heading" className="space-y-4">
        <h2 id="searches-heading" className="text-xl font-semibold">
          Search
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartPanel
            {...panel('top-searches')}
            title="Top searches"
            chart={
              <InsightsBarChart
                label="Top searches, most searched first"
                data={report.searches.top.map((row) => ({ query: row.query, searches: row.searches }))}
                categoryKey="query"
                series={[{ key: 'searches', label: 'Searches', color: 'green' }]}
                orientation="bars"
              />
            }
          />
          <ChartPanel
            {...panel('content-gaps')}
            title="Searches with no result"
            description="Content gaps: what people asked and no article answered."
            chart={
              <InsightsBarChart
                label="Searches with no result, most searched first"
                data={report.searches.gaps
                  .slice(0, 10)
                  .map((row) => ({ query: row.query, searches: row.searches }))}
                categoryKey="query"
                series={[{ key: 'searches', label: 'Searches', color: 'rose' }]}
                orientation="bars"
              />
            }
          />
        </div>
        <ChartPanel
          {...panel('searches-by-day')}
          title="Searches per day"
          description="All searches and those that found nothing, per UTC day."
          chart={
            <InsightsBarChart
              label="Searches per day, with the searches that found nothing"
              data={report.searches.byDay.map((row) => ({
                day: row.day,
                found: row.searches - row.withoutResult,
                withoutResult: row.withoutResult,
              }))}
              categoryKey="day"
              series={[
                { key: 'found', label: 'With a result', color: 'green' },
                { key: 'withoutResult', label: 'No result', color: 'rose' },
              ]}
              orientation="columns"
              stacked
            />
          }
        />
        <SearchLearningPanel changes={searchLearning} />
      </section>

      <section aria-labelledby="articles-heading" className="space-y-4">
        <h2 id="articles-heading" className="text-xl font-semibold">
          Articles
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartPanel
            {...panel('article-helpfulness')}
            title="Article helpfulness"
            description="Answers to “Was this helpful?”, most voted articles first."
            chart={
              <InsightsBarChart
                label="Yes and No votes per article"
                data={report.articles.helpfulness.map((row) => ({
                  slug: row.slug,
                  yes: row.yes,
                  no: row.no,
                }))}
                categoryKey="slug"
                series={[
                  { key: 'yes', label: 'Yes', color: 'green' },
                  { key: 'no', label: 'No', color: 'rose' },
                ]}
                orientation="bars"
                stacked
              />
            }
          />
          <ChartPanel
            {...panel('no-vote-reasons')}
            title="Why articles did not help"
            description="The reason picked with each No vote."
            chart={
              <InsightsBarChart
                label="Reasons given with No votes"
                data={report.articles.reasons.map((row) => ({ reason: row.label, votes: row.votes }))}
                categoryKey="reason"
                series={[{ key: 'votes', label: 'Votes', color: 'amber' }]}
                orientation="bars"
              />
            }
          />
        </div>
        <ChartPanel
          {...panel('feedback-comments')}
          title="Recent comments"
          description="What people wrote with a No vote, newest first."
        />
      </section>

      {/* Keeping articles true is the organisation admins' job here, as they own the answers. */}
      {withRequests ? <StaleArticles articles={staleArticles(getArticles(), now)} /> : null}

      <section aria-labelledby="troubleshooter-heading" className="space-y-4">
        <h2 id="troubleshooter-heading" className="text-xl font-semibold">
          Troubleshooter
        </h2>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          A visit is one browser tab going through a flow. It ends at its last outcome, or counts as abandoned
          after 30 minutes without a click; the deflection estimate is the share of ended visits that ended
          resolved or requested and never reached an escalated outcome.
        </p>
        {report.funnels.map((funnel) => (
          <div key={funnel.flow} className="space-y-4">
            <ChartPanel
              {...panel('funnel-nodes')}
              headingId={`insight-funnel-nodes-${funnel.flow}`}
              title={`${funnel.title}: steps reached`}
              description="How many visits reached each step, and how many were abandoned there."
              chart={
                <InsightsBarChart
                  label={`${funnel.title}: visits that reached and left each step`}
                  data={funnel.nodes.map((row) => ({
                    step: funnel.nodeLabels[row.node] ?? row.node,
                    reached: row.reached,
                    leftHere: row.leftHere,
                  }))}
                  categoryKey="step"
                  series={[
                    { key: 'reached', label: 'Reached', color: 'blue' },
                    { key: 'leftHere', label: 'Left here', color: 'slate' },
                  ]}
                  orientation="bars"
                />
              }
            />
            <ChartPanel
              {...panel('funnel-endings')}
              headingId={`insight-funnel-endings-${funnel.flow}`}
              title={`${funnel.title}: how visits end`}
              description={`${funnel.inProgress} visits are still under way and not counted.`}
              chart={
                <InsightsBarChart
                  label={`${funnel.title}: visits per ending`}
                  data={(['resolved', 'requested', 'escalated', 'abandoned'] as const).map((ending) => ({
                    ending,
                    visits: funnel.endings[ending],
                  }))}
                  categoryKey="ending"
                  series={[{ key: 'visits', label: 'Visits', color: 'green' }]}
                  orientation="bars"
                />
              }
            />
          </div>
        ))}
      </section>

      <section aria-labelledby="requests-heading" className="space-y-4">
        <h2 id="requests-heading" className="text-xl font-semibold">
          Access requests
        </h2>
        {withRequests ? (
          <ChartPanel
            {...panel('request-decisions')}
            title="Decisions"
            description={`Median time from request to decision: ${formatDuration(report.requests.medianMs)}.`}
            tableOpen={false}
          />
        ) : (
          <p className="max-w-3xl text-slate-700 dark:text-slate-300">
            No organisation: access requests belong to the organisation whose site they are for, and you
            administer none, so none are shown here. You see the help-center figures above because the
            operator of this help center listed you as an insights viewer.
          </p>
        )}
      </section>
    </div>
  );
}
