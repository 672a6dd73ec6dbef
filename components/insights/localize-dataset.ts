import type { createFormatter } from 'next-intl';
import type { CsvValue } from '@/lib/insights/csv';
import { FEEDBACK_REASONS } from '@/lib/insights/feedback-reasons';
import type { InsightsDataset, InsightsDatasetId } from '@/lib/insights/insights-datasets';

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Formatter = ReturnType<typeof createFormatter>;

/** How a column's cells read: as they are, a number, a UTC day or minute, or a code to name. */
type Cell = 'text' | 'number' | 'day' | 'minute' | 'ending' | 'decision' | 'reason' | 'reasonLabel';

// Each dataset's columns in the order insights-datasets.ts builds them (the CSV keeps its English
// header for programs); full catalog paths, so `npm run lint` sees them used.
const COLUMNS: Record<InsightsDatasetId, Array<[key: string, cell: Cell]>> = {
  'top-searches': [
    ['Insights.columns.query', 'text'],
    ['Insights.columns.searches', 'number'],
  ],
  'content-gaps': [
    ['Insights.columns.query', 'text'],
    ['Insights.columns.searches', 'number'],
    ['Insights.columns.lastSearched', 'minute'],
  ],
  'searches-by-day': [
    ['Insights.columns.day', 'day'],
    ['Insights.columns.searches', 'number'],
    ['Insights.columns.withoutResult', 'number'],
  ],
  'article-helpfulness': [
    ['Insights.columns.article', 'text'],
    ['Insights.columns.yes', 'number'],
    ['Insights.columns.no', 'number'],
    ['Insights.columns.helpfulPercent', 'number'],
  ],
  'no-vote-reasons': [
    ['Insights.columns.reason', 'reasonLabel'],
    ['Insights.columns.votes', 'number'],
  ],
  'feedback-comments': [
    ['Insights.columns.voted', 'minute'],
    ['Insights.columns.article', 'text'],
    ['Insights.columns.reason', 'reason'],
    ['Insights.columns.comment', 'text'],
  ],
  'funnel-nodes': [
    ['Insights.columns.flow', 'text'],
    ['Insights.columns.step', 'text'],
    ['Insights.columns.nodeId', 'text'],
    ['Insights.columns.reached', 'number'],
    ['Insights.columns.leftHere', 'number'],
  ],
  'funnel-endings': [
    ['Insights.columns.flow', 'text'],
    ['Insights.columns.ending', 'ending'],
    ['Insights.columns.visits', 'number'],
  ],
  'request-decisions': [
    ['Insights.columns.decided', 'minute'],
    ['Insights.columns.site', 'text'],
    ['Insights.columns.app', 'text'],
    ['Insights.columns.decision', 'decision'],
    ['Insights.columns.requested', 'minute'],
    ['Insights.columns.hoursToDecision', 'number'],
  ],
};

const CODES: Partial<Record<Cell, Record<string, string>>> = {
  ending: {
    resolved: 'Insights.endings.resolved',
    requested: 'Insights.endings.requested',
    escalated: 'Insights.endings.escalated',
    abandoned: 'Insights.endings.abandoned',
    'in progress': 'Insights.endings.inProgress',
  },
  decision: { approved: 'Insights.decisions.approved', denied: 'Insights.decisions.denied' },
  reason: {
    'not-my-problem': 'Insights.reasons.notMyProblem',
    'hard-to-follow': 'Insights.reasons.hardToFollow',
    inaccurate: 'Insights.reasons.inaccurate',
    'did-not-work': 'Insights.reasons.didNotWork',
    other: 'Insights.reasons.other',
  },
};

// The report names a reason by its English label; back to its code to name it in the reader's language.
const REASON_BY_LABEL = new Map<string, string>(
  Object.entries(FEEDBACK_REASONS).map(([code, label]) => [label, code]),
);

/** A dataset as the page's table shows it: headers and cells in the reader's language. */
export interface LocalizedTable {
  columns: string[];
  /** Per column: numbers align right. */
  numeric: boolean[];
  rows: Array<Array<string | null>>;
}

/** Names a code from `codes` in the reader's language; an unknown one is shown as it is. */
function named(t: Translate, codes: Record<string, string> | undefined, code: string): string {
  const key = codes && Object.hasOwn(codes, code) ? codes[code] : undefined;
  return key ? t(key) : code;
}

function cellText(t: Translate, format: Formatter, cell: Cell, value: CsvValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return format.number(value, { maximumFractionDigits: 1 });
  switch (cell) {
    case 'day':
      return format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
    case 'minute':
      return format.dateTime(new Date(`${value.replace(' ', 'T')}:00Z`), {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      });
    case 'reasonLabel':
      return named(t, CODES.reason, REASON_BY_LABEL.get(value) ?? value);
    default:
      return named(t, CODES[cell], value);
  }
}

export function localizeDataset(dataset: InsightsDataset, t: Translate, format: Formatter): LocalizedTable {
  const columns = COLUMNS[dataset.id];
  return {
    columns: columns.map(([key]) => t(key)),
    numeric: columns.map(([, cell]) => cell === 'number'),
    rows: dataset.rows.map((row) =>
      row.map((value, index) => cellText(t, format, columns[index]?.[1] ?? 'text', value)),
    ),
  };
}
