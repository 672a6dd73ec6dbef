import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getCurrentSession, getCurrentViewer } from '@/lib/auth/current-viewer';
import { canOpenOrganizationPage, canUseAdminConsole } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db/client';
import type { Database } from '@/lib/db/types';
import { syncDirectoryForSession } from '@/lib/directory/directory-for-session';
import { listAdministeredOrganizationIds } from '@/lib/directory/list-administered-organizations';
import { listAdministeredSiteIds, listSitesWithAdminStanding } from '@/lib/directory/site-access';
import { logger } from '@/lib/log';
import { isAppErrorWithStatus } from '@/lib/errors';
import { insightsAccessFor, type InsightsAccess } from '@/lib/insights/insights-access';

/** What each admin area checks, and what its pages learn about the viewer's access. */
const AREAS = {
  /** The console (inbox, pre-approved apps, audit log, request history): site admins. */
  console: {
    // A link from an e-mail should still work: a signed-out admin signs in and lands on it.
    signedOut: 'sign-in',
    access: async (db: Database, viewer: Viewer) =>
      canUseAdminConsole(await listAdministeredSiteIds(db, viewer)) ? {} : null,
  },
  /** The organization connection: org admins, site admins and unconfirmed product admins (the API key proves the rest). */
  organization: {
    signedOut: 'sign-in',
    access: async (db: Database, viewer: Viewer) =>
      canOpenOrganizationPage(
        await listAdministeredOrganizationIds(db, viewer),
        await listSitesWithAdminStanding(db, viewer),
      )
        ? {}
        : null,
  },
  /** Insights: org admins and the operator's listed insights viewers. */
  insights: {
    // Insights are not announced to anyone who is not known to see them, signed in or not.
    signedOut: 'not-found',
    access: (db: Database, viewer: Viewer): Promise<InsightsAccess | null> => insightsAccessFor(db, viewer),
  },
} as const;

export type AdminArea = keyof typeof AREAS;
type AccessOf<A extends AdminArea> = NonNullable<Awaited<ReturnType<(typeof AREAS)[A]['access']>>>;

export interface AdminPageContext<A extends AdminArea> {
  viewer: Viewer;
  db: Database;
  access: AccessOf<A>;
}

/**
 * The one gate of every /admin page, on the server. Anyone who may not use the area gets the
 * not-found page (the area's existence is not theirs to learn); a signed-out visitor to the
 * console is sent to sign in and back to `callbackPath`.
 */
export async function gateAdminPage<A extends AdminArea>(
  area: A,
  callbackPath: string,
): Promise<AdminPageContext<A>> {
  const rules = AREAS[area];
  const viewer = await getCurrentViewer();
  if (!viewer) {
    if (rules.signedOut === 'sign-in') redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
    notFound();
  }
  const db = await getDb();
  // Admin rights from an Atlassian sign-in count only while fresh: renew them first when the
  // session's access token still works (a page never refreshes tokens). Best effort: a failure
  // leaves the rights as stored, and stale ones grant nothing.
  const session = viewer.source === 'atlassian' ? await getCurrentSession() : null;
  if (session?.atlassianAccessToken) {
    await syncDirectoryForSession(db, session).catch((error: unknown) =>
      logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'admin rights not renewed'),
    );
  }
  const access = (await rules.access(db, viewer)) as AccessOf<A> | null;
  if (!access) notFound();
  return { viewer, db, access };
}

/** Pages show the not-found page for data the viewer may not see (lib answers 404, 403 or 400). */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppErrorWithStatus(error, 404, 403, 400)) notFound();
    throw error;
  }
}
