import 'server-only';
import { cookies } from 'next/headers';
import type { Viewer } from '@/lib/directory/types';
import { decodeSessionToken, sessionCookieValue } from './session-token';
import { viewerFromToken } from './session';

/**
 * The signed-in viewer for a server component or server action (identity only). It never
 * refreshes Atlassian tokens: a page cannot write the rotated cookie back, and losing a rotated
 * refresh token would revoke the grant. Route handlers use resolveSession() instead.
 */
export async function getCurrentViewer(): Promise<Viewer | null> {
  const store = await cookies();
  const jar = new Map(store.getAll().map((cookie) => [cookie.name, cookie.value] as const));
  const token = await decodeSessionToken(sessionCookieValue(jar));
  return token && !token.error ? viewerFromToken(token) : null;
}
