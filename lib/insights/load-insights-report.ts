import 'server-only';
import { and, eq, gte, inArray, isNotNull, lt, or } from 'drizzle-orm';
import { accessRequests, apps, articleFeedback, flowEvents, searchLog, sites } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import type { Viewer } from '@/lib/auth/viewer';
import { getFlows } from '@/lib/flows/load';
import type { Flow } from '@/lib/flows/schema';
import { fillText } from '@/lib/flows/template';
import type { InsightsRange } from './date-range';
import { assertViewerCanSeeInsights } from './insights-access';
import {
  buildInsightsReport,
  type FlowLabels,
  type InsightsEvents,
  type InsightsReport,
} from './insights-report';

/**
 * Loads the raw events of a range and hands them to the pure aggregation in insights-report.ts.
 * Searches, votes and funnel events are anonymous and help-center wide; access requests are
 * limited to the sites of the given organisations, and no organisation means no requests (a
 * configured insights viewer who administers none), never every organisation's.
 */
async function loadInsightsEvents(
  db: Executor,
  range: InsightsRange,
  organizationIds: readonly string[],
): Promise<InsightsEvents> {
  const [searches, votes, events, requests, requestReach] = await Promise.all([
    db
      .select({ query: searchLog.query, resultCount: searchLog.resultCount, createdAt: searchLog.createdAt })
      .from(searchLog)
      .where(and(gte(searchLog.createdAt, range.start), lt(searchLog.createdAt, range.end))),
    // updated_at is when the visitor's current vote was cast (a second vote replaces the first).
    db
      .select({
        articleSlug: articleFeedback.articleSlug,
        helpful: articleFeedback.helpful,
        reason: articleFeedback.reason,
        comment: articleFeedback.comment,
        votedAt: articleFeedback.updatedAt,
      })
      .from(articleFeedback)
      .where(and(gte(articleFeedback.updatedAt, range.start), lt(articleFeedback.updatedAt, range.end))),
    // Rows of one batch share created_at; ordering by it alone keeps them in insertion order in
    // practice, which is the order the funnel reads a visit's last step from.
    db
      .select({
        visitId: flowEvents.visitId,
        flow: flowEvents.flow,
        node: flowEvents.node,
        kind: flowEvents.kind,
        outcome: flowEvents.outcome,
        createdAt: flowEvents.createdAt,
      })
      .from(flowEvents)
      .where(and(gte(flowEvents.createdAt, range.start), lt(flowEvents.createdAt, range.end)))
      .orderBy(flowEvents.createdAt),
    // No organisation reads no request; said here rather than left to how inArray treats [].
    organizationIds.length === 0
      ? Promise.resolve([])
      : db
          .select({
            id: accessRequests.id,
            siteName: sites.name,
            appName: apps.name,
            status: accessRequests.status,
            createdAt: accessRequests.createdAt,
            decidedAt: accessRequests.decidedAt,
          })
          .from(accessRequests)
          .innerJoin(sites, eq(sites.id, accessRequests.siteId))
          .innerJoin(apps, eq(apps.id, accessRequests.appId))
          .where(
            and(
              inArray(sites.organizationId, [...organizationIds]),
              // Decided in the range (for decision times), or asked in the range (still open, say).
              or(
                and(
                  isNotNull(accessRequests.decidedAt),
                  gte(accessRequests.decidedAt, range.start),
                  lt(accessRequests.decidedAt, range.end),
                ),
                and(
                  eq(accessRequests.status, 'open'),
                  gte(accessRequests.createdAt, range.start),
                  lt(accessRequests.createdAt, range.end),
                ),
              ),
            ),
          ),
    organizationIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ reached: accessRequests.reached })
          .from(accessRequests)
          .innerJoin(sites, eq(sites.id, accessRequests.siteId))
          .where(
            and(
              inArray(sites.organizationId, [...organizationIds]),
              gte(accessRequests.createdAt, range.start),
              lt(accessRequests.createdAt, range.end),
            ),
          ),
  ]);
  return { searches, votes, flowEvents: events, requests, requestReach };
}

function flowLabels(flow: Flow): FlowLabels {
  const nodeLabels: Record<string, string> = {};
  for (const node of flow.nodes) if (node.kind !== 'check') nodeLabels[node.id] = fillText(node.title, {});
  return { id: flow.id, title: flow.title, nodeLabels };
}

/**
 * The report for the given organisations' requests, with no viewer in sight: "unsafe" because it
 * trusts its caller to have checked the viewer (insightsAccessFor or assertViewerCanSeeInsights)
 * and to pass only the organisations that check returned. It exists so the insights page and the
 * CSV export check once and load once; everything else uses getInsightsReportForViewer.
 */
export async function unsafeLoadInsightsReport(
  db: Executor,
  organizationIds: readonly string[],
  range: InsightsRange,
  now: Date = new Date(),
  flows: readonly Flow[] = getFlows(),
): Promise<InsightsReport> {
  const events = await loadInsightsEvents(db, range, organizationIds);
  return buildInsightsReport(range, events, flows.map(flowLabels), now);
}

/** The insights report as this viewer may see it; 404 (AppError) for anyone who may not see insights. */
export async function getInsightsReportForViewer(
  db: Executor,
  viewer: Viewer,
  range: InsightsRange,
  now: Date = new Date(),
): Promise<InsightsReport> {
  const { organizationIds } = await assertViewerCanSeeInsights(db, viewer);
  return unsafeLoadInsightsReport(db, organizationIds, range, now);
}
