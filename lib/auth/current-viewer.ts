import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import type { Viewer } from '@/lib/auth/viewer';
import { isExpiring } from '@/lib/atlassian/tokens';
import { decodeSessionToken, sessionCookieValue, type GreenlightToken } from './session-token';
import { viewerFromToken, type ServerSession } from './session';

/** What the header shows: who is signed in, that a session has ended, or nobody. */
export type SessionStatus =
  { status: 'signed-in'; viewer: Viewer } | { status: 'ended' } | { status: 'signed-out' };

/**
 * A decoded session cookie as the header should present it. Same rules as resolveSession: a
 * refresh Atlassian rejected, or an Atlassian sign-in without its tokens, is a session that ended.
 */
export function sessionStatusOf(token: GreenlightToken | null): SessionStatus {
  if (!token) return { status: 'signed-out' };
  if (token.error || (token.source === 'atlassian' && !token.atlassian)) return { status: 'ended' };
  return { status: 'signed-in', viewer: viewerFromToken(token) };
}

/**
 * The request's session cookie, decoded once per server render: the layout's header and the page
 * both ask, and decoding is a key derivation plus a decryption.
 */
const readSessionCookie = cache(async (): Promise<GreenlightToken | null> => {
  const store = await cookies();
  const jar = new Map(store.getAll().map((cookie) => [cookie.name, cookie.value] as const));
  return decodeSessionToken(sessionCookieValue(jar));
});

/** The session status for a server component (the header), from the cookie alone. */
export async function getSessionStatus(): Promise<SessionStatus> {
  return sessionStatusOf(await readSessionCookie());
}

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
export async function getCurrentSession(
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<ServerSession | null> {
  const token = await readSessionCookie();
  if (!token || token.error) return null;
  const usable = token.atlassian && !isExpiring(token.atlassian.expiresAt, nowSeconds);
  return {
    viewer: viewerFromToken(token),
    ...(usable ? { atlassianAccessToken: token.atlassian!.accessToken } : {}),
  };
}
