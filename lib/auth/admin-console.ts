import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getCurrentViewer } from '@/lib/auth/current-viewer';
import { canUseAdminConsole } from '@/lib/auth/policy';
import { getDb } from '@/lib/db/client';
import type { Database } from '@/lib/db/types';
import { listAdministeredSiteIds } from '@/lib/directory/site-access';
import type { Viewer } from '@/lib/directory/types';
import { AppError } from '@/lib/http/errors';

/**
 * The gate of every /admin page, on the server: signed-out people go to sign-in (a link from an
 * e-mail should still work), anyone who administers no site gets the not-found page.
 */
export async function requireAdminConsoleViewer(
  callbackPath: string,
): Promise<{ viewer: Viewer; db: Database }> {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  const db = await getDb();
  if (!canUseAdminConsole(await listAdministeredSiteIds(db, viewer))) notFound();
  return { viewer, db };
}

/** Pages show the not-found page for data the viewer may not see (lib answers 404 or 403). */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && (error.status === 404 || error.status === 403 || error.status === 400))
      notFound();
    throw error;
  }
}
