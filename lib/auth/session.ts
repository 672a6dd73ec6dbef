import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import { forgetSyncedRightsQuietly } from './forget-synced-rights';
import { refreshSessionTokenIfDue, type RefreshTokens } from './refresh-session-token';
import {
  clearSessionCookies,
  encodeSessionToken,
  readSessionToken,
  sessionCookieNames,
  sessionSetCookies,
  type GreenlightToken,
} from './session-token';

/** The server's view of a signed-in user. Never serialised to the browser (it may hold a token). */
export interface ServerSession {
  viewer: Viewer;
  /** Present for Atlassian sign-ins: the current (refreshed) access token. */
  atlassianAccessToken?: string;
}

export type SessionResolution =
  | { status: 'signed-in'; session: ServerSession; setCookies: string[] }
  | { status: 'signed-out' | 'expired'; setCookies: string[] };

export function viewerFromToken(token: GreenlightToken): Viewer {
  return {
    userId: token.userId,
    accountId: token.accountId,
    email: token.email,
    name: token.name,
    source: token.source,
  };
}

/**
 * Resolves who sent the request from the session cookie alone, refreshing an expiring Atlassian
 * token on the way (or at once with `forceRefresh`, after Atlassian rejected the access token). `setCookies` carries the rotated cookie (or its removal): the caller must put
 * them on the response, or the rotated refresh token would be lost.
 */
export async function resolveSession(
  request: Request,
  refresh?: RefreshTokens,
  options: { forceRefresh?: boolean } = {},
): Promise<SessionResolution> {
  const { token, cookies } = await readSessionToken(request);
  const names = sessionCookieNames(cookies);
  if (!token) return { status: 'signed-out', setCookies: [] };
  if (token.error) return { status: 'expired', setCookies: clearSessionCookies(names) };
  const { token: current, changed } = await refreshSessionTokenIfDue(
    token,
    refresh,
    undefined,
    options.forceRefresh,
  );
  if (current.error) {
    // Atlassian rejected the refresh token just now: the roles this sign-in synced are void.
    if (current.source === 'atlassian') await forgetSyncedRightsQuietly(current.userId);
    return { status: 'expired', setCookies: clearSessionCookies(names) };
  }
  const setCookies = changed ? sessionSetCookies(await encodeSessionToken(current), names) : [];
  if (current.source === 'atlassian' && !current.atlassian)
    return { status: 'expired', setCookies: clearSessionCookies(names) };
  return {
    status: 'signed-in',
    session: {
      viewer: viewerFromToken(current),
      ...(current.atlassian ? { atlassianAccessToken: current.atlassian.accessToken } : {}),
    },
    setCookies,
  };
}
