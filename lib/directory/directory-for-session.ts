import 'server-only';
import type { ServerSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import type { Database } from '@/lib/db/types';
import { unauthorized } from '@/lib/errors';
import { createAtlassianDirectory } from './atlassian';
import { createLocalDirectory } from './local';
import { syncSitesOfViewer } from './sync';
import type { Directory } from './types';

/** The Directory for this session: Atlassian's APIs for an Atlassian sign-in, else the database. */
export function directoryFor(db: Database, session: ServerSession): Directory {
  if (session.viewer.source === 'atlassian') {
    if (!session.atlassianAccessToken)
      throw unauthorized('Your Atlassian sign-in has expired. Sign in again.');
    return createAtlassianDirectory({
      apiUrl: getConfig().ATLASSIAN_API_URL,
      accessToken: session.atlassianAccessToken,
    });
  }
  return createLocalDirectory(db, session.viewer);
}

// Atlassian answers are cached per user for a short time. Only a saving: without the cache (a
// fresh replica) the next request simply asks Atlassian again.
const SYNC_TTL_MS = 60_000;
const MAX_CACHED_USERS = 10_000;
const lastSynced = new Map<string, number>();
const syncing = new Map<string, Promise<void>>();

/**
 * Makes sure the database knows the viewer's sites and roles before anything reads them. A no-op
 * for local sign-ins (the database is the directory); for Atlassian, fetch and store at most once
 * a minute per user.
 */
export async function syncDirectoryForSession(
  db: Database,
  session: ServerSession,
  now = Date.now(),
): Promise<void> {
  if (session.viewer.source !== 'atlassian') return;
  const userId = session.viewer.userId;
  if ((lastSynced.get(userId) ?? 0) + SYNC_TTL_MS > now) return;
  let pending = syncing.get(userId);
  if (!pending) {
    pending = (async () => {
      const sites = await directoryFor(db, session).sites();
      await syncSitesOfViewer(db, session.viewer, sites);
      if (lastSynced.size >= MAX_CACHED_USERS) lastSynced.delete(lastSynced.keys().next().value!);
      lastSynced.set(userId, Date.now());
    })().finally(() => syncing.delete(userId));
    syncing.set(userId, pending);
  }
  await pending;
}

/** Tests start each case with a cold cache. */
export function forgetDirectoryCacheForTests(): void {
  lastSynced.clear();
}
