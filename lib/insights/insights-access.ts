import 'server-only';
import { assertCanSeeInsights, canSeeInsights, isConfiguredInsightsViewer } from '@/lib/auth/policy';
import { getConfig, type InsightsViewerList } from '@/lib/config';
import type { Executor } from '@/lib/db/types';
import { listAdministeredOrganizationIds } from '@/lib/directory/list-administered-organizations';
import type { Viewer } from '@/lib/auth/viewer';

/** What a viewer allowed to see insights sees of them. */
export interface InsightsAccess {
  /**
   * The organisations whose access requests the report includes: those the viewer administers.
   * Empty for a configured insights viewer who administers none (no request figures then).
   */
  organizationIds: string[];
}

/** The facts the insights policy needs, loaded once; the page, the export and the nav link ask here. */
async function insightsFacts(db: Executor, viewer: Viewer, viewers: InsightsViewerList) {
  const organizationIds = await listAdministeredOrganizationIds(db, viewer);
  return { organizationIds, configuredViewer: isConfiguredInsightsViewer(viewer, viewers) };
}

/** The viewer's insights access, or null when they may not see insights (pages answer 404). */
export async function insightsAccessFor(
  db: Executor,
  viewer: Viewer,
  viewers: InsightsViewerList = getConfig().GREENLIGHT_INSIGHTS_VIEWERS,
): Promise<InsightsAccess | null> {
  const { organizationIds, configuredViewer } = await insightsFacts(db, viewer, viewers);
  return canSeeInsights(organizationIds, configuredViewer) ? { organizationIds } : null;
}

/** Like insightsAccessFor, for route handlers and lib: 404 (AppError) for anyone who may not see insights. */
export async function assertViewerCanSeeInsights(
  db: Executor,
  viewer: Viewer,
  viewers: InsightsViewerList = getConfig().GREENLIGHT_INSIGHTS_VIEWERS,
): Promise<InsightsAccess> {
  const { organizationIds, configuredViewer } = await insightsFacts(db, viewer, viewers);
  assertCanSeeInsights(organizationIds, configuredViewer);
  return { organizationIds };
}
