import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ChartPanel } from '@/components/insights/ChartPanel';
import { formatDuration } from '@/components/insights/format-duration';
import { localizeDataset } from '@/components/insights/localize-dataset';
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
import { FUNNEL_ENDINGS } from '@/lib/insights/troubleshooter-funnel';
import { getFlows, getLocalizedFlow } from '@/lib/flows/load';
import { localePath, type Locale } from '@/lib/i18n/locales';
import { gateAdminPage } from '@/lib/pages/admin-gate';
import { parsePageParams, type PageSearchParams } from '@/lib/pages/page-params';
import { pageLocale, type LocaleParams } from '@/lib/pages/page-locale';
import { unsafeLoadSearchLearning } from '@/lib/search/usage-insights';

export async function generateMetadata({ params }: { params: Promise<LocaleParams> }): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params) });
  return { title: t('Insights.title'), robots: { index: false } };
}
export const dynamic = 'force-dynamic';

const PATH = '/admin/insights';
// The endings' names (full catalog paths, so `npm run lint` sees them used).
const ENDING_LABELS = {
  resolved: 'Insights.endings.resolved',
  requested: 'Insights.endings.requested',
  escalated: 'Insights.endings.escalated',
  abandoned: 'Insights.endings.abandoned',
} as const;
type Translate = Awaited<ReturnType<typeof getTranslations>>;
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** The range from the URL; an invalid one falls back to the default with a message, never a crash. */
function rangeFromParams(
  params: PageSearchParams,
  now: Date,
  t: Translate,
): { range: InsightsRange; problem?: string } {
  const parsed = parsePageParams(insightsRangeSchema, params);
  if (parsed.ok) return { range: resolveInsightsRange(parsed.params, now) };
  return {
    range: resolveInsightsRange({}, now),
    // The issue names the parameter and what is wrong with it in the URL's own (English) terms.
    problem: t('Insights.badRange', {
      issue: `${parsed.issue.path || 'range'}: ${parsed.issue.message}`,
    }),
  };
}

/** The figures at the top; request figures only for a viewer who administers an organisation. */
function headlineFigures(
  report: InsightsReport,
  withRequests: boolean,
  t: Translate,
  format: Formatter,
  locale: Locale,
): HeadlineFigure[] {
  const { searches, articles, deflection, requests, funnels } = report;
  const number = (value: number) => format.number(value);
  const percent = (share: number | null) =>
    share === null ? '–' : format.number(share, { style: 'percent' });
  const visits = funnels.reduce((sum, funnel) => sum + funnel.visits, 0);
  const helpCenter: HeadlineFigure[] = [
    {
      label: t('Insights.figures.searches'),
      value: number(searches.total),
      detail: t('Insights.figures.searchesDetail', {
        count: searches.withoutResult,
        share: percent(searches.total ? searches.withoutResult / searches.total : null),
      }),
    },
    {
      label: t('Insights.figures.helpful'),
      value: percent(articles.votes ? articles.helpfulVotes / articles.votes : null),
      detail: t('Insights.figures.helpfulDetail', { yes: articles.helpfulVotes, votes: articles.votes }),
    },
    {
      label: t('Insights.figures.visits'),
      value: number(visits),
      detail: t('Insights.figures.visitsDetail', { ended: deflection.ended }),
    },
    {
      label: t('Insights.figures.deflection'),
      value: percent(deflection.rate),
      detail: t('Insights.figures.deflectionDetail', {
        deflected: deflection.deflected,
        ended: deflection.ended,
      }),
    },
  ];
  if (!withRequests) return helpCenter;
  return [
    ...helpCenter,
    {
      label: t('Insights.figures.median'),
      value: formatDuration(requests.medianMs, locale),
      detail: t('Insights.figures.medianDetail', {
        decided: requests.decided,
        approved: requests.approved,
        denied: requests.denied,
      }),
    },
    {
      label: t('Insights.figures.open'),
      value: number(requests.open),
      detail: t('Insights.figures.openDetail'),
    },
    {
      label: t('Insights.figures.nobody'),
      value: number(requests.reach.nobody),
      detail: t('Insights.figures.nobodyDetail', { asked: requests.reach.asked }),
    },
    {
      label: t('Insights.figures.fallbackOnly'),
      value: number(requests.reach.fallbackOnly),
      detail: t('Insights.figures.fallbackOnlyDetail'),
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
  const locale = await pageLocale(params);
  const t = await getTranslations();
  const format = await getFormatter();
  const { db, access } = await gateAdminPage('insights', localePath(locale, PATH));
  // A configured insights viewer who administers no organisation sees no request figures.
  const withRequests = access.organizationIds.length > 0;

  const now = new Date();
  const { range, problem } = rangeFromParams(await searchParams, now, t);
  // The funnels' titles and step names in the reader's language (English where not translated).
  const flows = getFlows().map((flow) => getLocalizedFlow(flow.id, locale) ?? flow);
  // The gate has just checked the viewer and returned the organisations they administer.
  const report = await unsafeLoadInsightsReport(db, access.organizationIds, range, now, flows);
  const searchLearning = await unsafeLoadSearchLearning(db, now);
  const query = rangeSearchParams(range).toString();
  const day = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const panel = (id: InsightsDatasetId) => ({
    headingId: `insight-${id}`,
    table: localizeDataset(insightsDataset(report, id), t, format),
    csvHref: `/api/insights/export?dataset=${id}&${query}`,
  });

  // Its chart names the reasons as its table does.
  const reasonsPanel = panel('no-vote-reasons');

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t('Insights.title')}</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">
          {t('Insights.lead', { from: day(range.from), to: day(range.to) })}{' '}
          {withRequests ? t('Insights.leadWithRequests') : t('Insights.leadWithoutRequests')}
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
          {t('Insights.atAGlance')}
        </h2>
        <HeadlineFigures figures={headlineFigures(report, withRequests, t, format, locale)} />
      </section>

      <section aria-labelledby="searches-heading" className="space-y-4">
        <h2 id="searches-heading" className="text-xl font-semibold">
          {t('Insights.search')}
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartPanel
            {...panel('top-searches')}
            title={t('Insights.topSearches.title')}
            chart={
              <InsightsBarChart
                label={t('Insights.topSearches.chart')}
                data={report.searches.top.map((row) => ({ query: row.query, searches: row.searches }))}
                categoryKey="query"
                series={[{ key: 'searches', label: t('Insights.columns.searches'), color: 'green' }]}
                orientation="bars"
              />
            }
          />
          <ChartPanel
            {...panel('content-gaps')}
            title={t('Insights.gaps.title')}
            description={t('Insights.gaps.description')}
            chart={
              <InsightsBarChart
                label={t('Insights.gaps.chart')}
                data={report.searches.gaps
                  .slice(0, 10)
                  .map((row) => ({ query: row.query, searches: row.searches }))}
                categoryKey="query"
                series={[{ key: 'searches', label: t('Insights.columns.searches'), color: 'rose' }]}
                orientation="bars"
              />
            }
          />
        </div>
        <ChartPanel
          {...panel('searches-by-day')}
          title={t('Insights.perDay.title')}
          description={t('Insights.perDay.description')}
          chart={
            <InsightsBarChart
              label={t('Insights.perDay.chart')}
              data={report.searches.byDay.map((row) => ({
                day: row.day,
                found: row.searches - row.withoutResult,
                withoutResult: row.withoutResult,
              }))}
              categoryKey="day"
              series={[
                { key: 'found', label: t('Insights.perDay.found'), color: 'green' },
                { key: 'withoutResult', label: t('Insights.perDay.notFound'), color: 'rose' },
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
          {t('Insights.articles')}
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartPanel
            {...panel('article-helpfulness')}
            title={t('Insights.helpfulness.title')}
            description={t('Insights.helpfulness.description')}
            chart={
              <InsightsBarChart
                label={t('Insights.helpfulness.chart')}
                data={report.articles.helpfulness.map((row) => ({
                  slug: row.slug,
                  yes: row.yes,
                  no: row.no,
                }))}
                categoryKey="slug"
                series={[
                  { key: 'yes', label: t('Insights.columns.yes'), color: 'green' },
                  { key: 'no', label: t('Insights.columns.no'), color: 'rose' },
                ]}
                orientation="bars"
                stacked
              />
            }
          />
          <ChartPanel
            {...reasonsPanel}
            title={t('Insights.reasons.title')}
            description={t('Insights.reasons.description')}
            chart={
              <InsightsBarChart
                label={t('Insights.reasons.chart')}
                data={report.articles.reasons.map((row, index) => ({
                  reason: reasonsPanel.table.rows[index]?.[0] ?? row.label,
                  votes: row.votes,
                }))}
                categoryKey="reason"
                series={[{ key: 'votes', label: t('Insights.columns.votes'), color: 'amber' }]}
                orientation="bars"
              />
            }
          />
        </div>
        <ChartPanel
          {...panel('feedback-comments')}
          title={t('Insights.comments.title')}
          description={t('Insights.comments.description')}
        />
      </section>

      {/* Keeping articles true is the organisation admins' job here, as they own the answers. */}
      {withRequests ? <StaleArticles articles={staleArticles(getArticles(), now)} /> : null}

      <section aria-labelledby="troubleshooter-heading" className="space-y-4">
        <h2 id="troubleshooter-heading" className="text-xl font-semibold">
          {t('Insights.troubleshooter')}
        </h2>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('Insights.funnel.lead')}</p>
        {report.funnels.map((funnel) => (
          <div key={funnel.flow} className="space-y-4">
            <ChartPanel
              {...panel('funnel-nodes')}
              headingId={`insight-funnel-nodes-${funnel.flow}`}
              title={t('Insights.funnel.stepsTitle', { flow: funnel.title })}
              description={t('Insights.funnel.stepsDescription')}
              chart={
                <InsightsBarChart
                  label={t('Insights.funnel.stepsChart', { flow: funnel.title })}
                  data={funnel.nodes.map((row) => ({
                    step: funnel.nodeLabels[row.node] ?? row.node,
                    reached: row.reached,
                    leftHere: row.leftHere,
                  }))}
                  categoryKey="step"
                  series={[
                    { key: 'reached', label: t('Insights.funnel.reached'), color: 'blue' },
                    { key: 'leftHere', label: t('Insights.funnel.leftHere'), color: 'slate' },
                  ]}
                  orientation="bars"
                />
              }
            />
            <ChartPanel
              {...panel('funnel-endings')}
              headingId={`insight-funnel-endings-${funnel.flow}`}
              title={t('Insights.funnel.endingsTitle', { flow: funnel.title })}
              description={t('Insights.funnel.inProgress', { count: funnel.inProgress })}
              chart={
                <InsightsBarChart
                  label={t('Insights.funnel.endingsChart', { flow: funnel.title })}
                  data={FUNNEL_ENDINGS.map((ending) => ({
                    ending: t(ENDING_LABELS[ending]),
                    visits: funnel.endings[ending],
                  }))}
                  categoryKey="ending"
                  series={[{ key: 'visits', label: t('Insights.columns.visits'), color: 'green' }]}
                  orientation="bars"
                />
              }
            />
          </div>
        ))}
      </section>

      <section aria-labelledby="requests-heading" className="space-y-4">
        <h2 id="requests-heading" className="text-xl font-semibold">
          {t('Insights.requests')}
        </h2>
        {withRequests ? (
          <ChartPanel
            {...panel('request-decisions')}
            title={t('Insights.decisionsTitle')}
            description={t('Insights.decisionsDescription', {
              median: formatDuration(report.requests.medianMs, locale),
            })}
            tableOpen={false}
          />
        ) : (
          <p className="max-w-3xl text-slate-700 dark:text-slate-300">{t('Insights.noOrganisation')}</p>
        )}
      </section>
    </div>
  );
}
