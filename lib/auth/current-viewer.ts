import 'server-only';
import { cookies } from 'next/headers';
import type { Viewer } from '@/lib/directory/types';
import { isExpiring } from '@/lib/atlassian/tokens';
import { decodeSessionToken, sessionCookieValue } from './session-token';
import { viewerFromToken, type ServerSession } from './session';

/**
 * The signed-in viewer for a server component or server action (identity only). It never
 * refreshes Atlassian tokens: a page cannot write the rotated cookie back, and losing a rotated
 * refresh token would revoke the grant. Route handlers use resolveSession() instead.
 */
export async function getCurrentViewer(): Promise<Viewer | null> {
  return (await getCurrentSession())?.viewer ?? null;
}

/**
 * The session for a server component, with the Atlassian access token only while it is still
 * valid (same rule as getCurrentViewer: never refreshed here). Server-only: never pass it to a
 * client component.
 */
export async function getCurrentSession(nowSeconds = Math.floor(Date.now() / 1000)): Promise<ServerSession | null> {
  const store = await cookies();
  const jar = new Map(store.getAll().map((cookie) => [cookie.name, cookie.value] as const));
  const token = await decodeSessionToken(sessionCookieValue(jar));
  if (!token || token.error) return null;
  const usable = token.atlassian && !isExpiring(token.atlassian.expiresAt, nowSeconds);
  return { viewer: viewerFromToken(token), ...(usable ? { atlassianAccessToken: token.atlassian!.accessToken } : {}) };
}
