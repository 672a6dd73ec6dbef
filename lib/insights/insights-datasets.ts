import type { CsvValue } from './csv';
import type { InsightsReport } from './insights-report';
import { FUNNEL_ENDINGS } from './troubleshooter-funnel';

/**
 * The tables behind every chart. The page's table views and the CSV export both read these, so
 * what a screen reader hears, what the CSV holds and what the chart draws are the same numbers.
 */
export interface InsightsDataset {
  id: InsightsDatasetId;
  title: string;
  columns: string[];
  rows: CsvValue[][];
}

export const INSIGHTS_DATASET_IDS = [
  'top-searches',
  'content-gaps',
  'searches-by-day',
  'article-helpfulness',
  'no-vote-reasons',
  'feedback-comments',
  'funnel-nodes',
  'funnel-endings',
  'request-decisions',
] as const;
export type InsightsDatasetId = (typeof INSIGHTS_DATASET_IDS)[number];

const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));
const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10;
const isoMinute = (at: Date) => at.toISOString().slice(0, 16).replace('T', ' ');

type DatasetBuilder = (report: InsightsReport) => Omit<InsightsDataset, 'id'>;

const BUILDERS: Record<InsightsDatasetId, DatasetBuilder> = {
  'top-searches': ({ searches }) => ({
    title: 'Top searches',
    columns: ['Query', 'Searches'],
    rows: searches.top.map((row) => [row.query, row.searches]),
  }),
  'content-gaps': ({ searches }) => ({
    title: 'Searches with no result',
    columns: ['Query', 'Searches', 'Last searched (UTC)'],
    rows: searches.gaps.map((row) => [row.query, row.searches, isoMinute(row.lastSearchedAt)]),
  }),
  'searches-by-day': ({ searches }) => ({
    title: 'Searches per day',
    columns: ['Day (UTC)', 'Searches', 'Without result'],
    rows: searches.byDay.map((row) => [row.day, row.searches, row.withoutResult]),
  }),
  'article-helpfulness': ({ articles }) => ({
    title: 'Article helpfulness',
    columns: ['Article', 'Yes', 'No', 'Helpful %'],
    rows: articles.helpfulness.map((row) => [row.slug, row.yes, row.no, percent(row.helpfulShare)]),
  }),
  'no-vote-reasons': ({ articles }) => ({
    title: 'Reasons given with No votes',
    columns: ['Reason', 'Votes'],
    rows: articles.reasons.map((row) => [row.label, row.votes]),
  }),
  'feedback-comments': ({ articles }) => ({
    title: 'Recent comments with No votes',
    columns: ['Voted (UTC)', 'Article', 'Reason', 'Comment'],
    rows: articles.comments.map((row) => [isoMinute(row.votedAt), row.slug, row.reason, row.comment]),
  }),
  'funnel-nodes': ({ funnels }) => ({
    title: 'Troubleshooter steps: reached and left',
    columns: ['Flow', 'Step', 'Node id', 'Visits that reached it', 'Visits that left here'],
    rows: funnels.flatMap((funnel) =>
      funnel.nodes.map((row) => [
        funnel.flow,
        funnel.nodeLabels[row.node] ?? row.node,
        row.node,
        row.reached,
        row.leftHere,
      ]),
    ),
  }),
  'funnel-endings': ({ funnels }) => ({
    title: 'How troubleshooter visits end',
    columns: ['Flow', 'Ending', 'Visits'],
    rows: funnels.flatMap((funnel) => [
      ...FUNNEL_ENDINGS.map((ending) => [funnel.flow, ending, funnel.endings[ending]]),
      [funnel.flow, 'in progress', funnel.inProgress],
    ]),
  }),
  'request-decisions': ({ requests }) => ({
    title: 'Access request decisions',
    columns: ['Decided (UTC)', 'Site', 'App', 'Decision', 'Requested (UTC)', 'Hours to decision'],
    rows: requests.decisions.map((row) => [
      isoMinute(row.decidedAt!),
      row.siteName,
      row.appName,
      row.status,
      isoMinute(row.createdAt),
      hours(row.timeToDecisionMs),
    ]),
  }),
};

export function insightsDataset(report: InsightsReport, id: InsightsDatasetId): InsightsDataset {
  return { id, ...BUILDERS[id](report) };
}

export function insightsCsvFilename(id: InsightsDatasetId, range: { from: string; to: string }): string {
  return `greenlight-${id}-${range.from}-to-${range.to}.csv`;
}
