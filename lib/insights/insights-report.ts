import type { InsightsRange } from './date-range';
import {
  articleHelpfulness,
  noVoteReasons,
  recentComments,
  type ArticleHelpfulness,
  type ArticleVote,
  type FeedbackComment,
  type ReasonCount,
} from './feedback-insights';
import {
  decisionTimes,
  requestReach,
  timeToDecisionMs,
  type RequestReach,
  type RequestReachRow,
  type AccessRequestTiming,
  type DecisionTimes,
} from './request-insights';
import {
  contentGaps,
  searchesByDay,
  topSearches,
  type ContentGap,
  type LoggedSearch,
  type QueryCount,
  type SearchDay,
} from './search-insights';
import { troubleshooterFunnel, type FlowEventRow, type FlowFunnel } from './troubleshooter-funnel';

/** What insights needs to know about a flow: its title and a readable label per node. */
export interface FlowLabels {
  id: string;
  title: string;
  nodeLabels: Record<string, string>;
}

export interface InsightsEvents {
  searches: LoggedSearch[];
  votes: ArticleVote[];
  flowEvents: FlowEventRow[];
  requests: AccessRequestTiming[];
  /** Requests asked in the range, whatever became of them: whom each reached. */
  requestReach: RequestReachRow[];
}

export interface DecidedRequest extends AccessRequestTiming {
  timeToDecisionMs: number;
}

export interface InsightsReport {
  range: InsightsRange;
  searches: {
    total: number;
    withoutResult: number;
    top: QueryCount[];
    gaps: ContentGap[];
    byDay: SearchDay[];
  };
  articles: {
    votes: number;
    helpfulVotes: number;
    helpfulness: ArticleHelpfulness[];
    reasons: ReasonCount[];
    comments: FeedbackComment[];
  };
  funnels: Array<FlowFunnel & { title: string; nodeLabels: Record<string, string> }>;
  /** Over every flow: ended visits, deflected visits and their share. */
  deflection: { ended: number; deflected: number; rate: number | null };
  requests: DecisionTimes & { open: number; decisions: DecidedRequest[]; reach: RequestReach };
}

/** Every figure of the insights page from the events of one range; pure, so tests feed fixed events. */
export function buildInsightsReport(
  range: InsightsRange,
  events: InsightsEvents,
  flows: readonly FlowLabels[],
  now: Date,
): InsightsReport {
  // A visit whose last event is shortly before the end of a past range may have gone on after it.
  const asOf = new Date(Math.min(now.getTime(), range.end.getTime()));
  const funnels = flows.map((flow) => ({
    ...troubleshooterFunnel(flow.id, events.flowEvents, { asOf }),
    title: flow.title,
    nodeLabels: flow.nodeLabels,
  }));
  const ended = funnels.reduce((sum, funnel) => sum + funnel.ended, 0);
  const deflected = funnels.reduce((sum, funnel) => sum + funnel.deflected, 0);
  const decisions = events.requests
    .map((request) => ({ ...request, timeToDecisionMs: timeToDecisionMs(request) }))
    .filter((request): request is DecidedRequest => request.timeToDecisionMs !== null)
    .sort((a, b) => a.decidedAt!.getTime() - b.decidedAt!.getTime());
  return {
    range,
    searches: {
      total: events.searches.length,
      withoutResult: events.searches.filter((search) => search.resultCount === 0).length,
      top: topSearches(events.searches),
      gaps: contentGaps(events.searches),
      byDay: searchesByDay(events.searches, range.days),
    },
    articles: {
      votes: events.votes.length,
      helpfulVotes: events.votes.filter((vote) => vote.helpful).length,
      helpfulness: articleHelpfulness(events.votes),
      reasons: noVoteReasons(events.votes),
      comments: recentComments(events.votes),
    },
    funnels,
    deflection: { ended, deflected, rate: ended === 0 ? null : deflected / ended },
    requests: {
      ...decisionTimes(events.requests),
      open: events.requests.filter((request) => request.status === 'open').length,
      decisions,
      reach: requestReach(events.requestReach),
    },
  };
}
