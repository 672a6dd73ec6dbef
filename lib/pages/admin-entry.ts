import 'server-only';
import { canUseAdminConsole } from '@/lib/auth/policy';
import { getDb } from '@/lib/db/client';
import { listAdministeredSiteIds } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/auth/viewer';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { insightsAccessFor } from '@/lib/insights/insights-access';
import { logger } from '@/lib/log';

/** The header's way into the admin pages, for someone who may use them. */
export interface AdminEntry {
  href: '/admin' | '/admin/insights';
  label: string;
}

/**
 * Site admins get the console (its navigation leads on to insights when they may see them); people
 * who may only see insights (org admins of no site, listed insights viewers) get insights.
 */
export function adminEntryFrom(facts: {
  administersSites: boolean;
  seesInsights: boolean;
}): AdminEntry | null {
  if (facts.administersSites) return { href: '/admin', label: 'Admin' };
  if (facts.seesInsights) return { href: '/admin/insights', label: 'Insights' };
  return null;
}

async function lookUpAdminEntry(viewer: Viewer): Promise<AdminEntry | null> {
  const db = await getDb();
  const [siteIds, insights] = await Promise.all([
    listAdministeredSiteIds(db, viewer),
    insightsAccessFor(db, viewer),
  ]);
  return adminEntryFrom({ administersSites: canUseAdminConsole(siteIds), seesInsights: insights !== null });
}

/**
 * For the header of every page a signed-in person opens. Pages must serve while the database is
 * down or silent (an article needs none), so the lookup gets a short time budget, and a failure or
 * a slow answer only leaves the link out.
 */
export async function loadAdminEntry(viewer: Viewer, budgetMs = 300): Promise<AdminEntry | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outOfTime = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), budgetMs);
  });
  const lookup = lookUpAdminEntry(viewer).catch((error: unknown) => {
    if (!isDatabaseUnavailable(error)) logger.warn({ err: String(error) }, 'admin link not shown');
    return null;
  });
  try {
    return await Promise.race([lookup, outOfTime]);
  } finally {
    clearTimeout(timer);
  }
}
