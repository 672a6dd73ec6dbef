import 'server-only';
import { createHash } from 'node:crypto';
import { isExpiring, isInvalidGrant, refreshAccessToken, type RefreshedTokens } from '@/lib/atlassian/tokens';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log';
import { processWide } from '@/lib/process-wide';
import type { GreenlightToken } from './session-token';

export type RefreshTokens = (refreshToken: string) => Promise<RefreshedTokens>;

export interface RefreshResult {
  token: GreenlightToken;
  /** The cookie must be rewritten: new tokens, or the session was ended. */
  changed: boolean;
}

// Atlassian rotates refresh tokens: each one works once. Two requests of the same user arriving
// together would both spend the same token; sharing the in-flight (and just-finished) refresh
// lets them agree on the new pair. Across replicas Atlassian's 10-minute reuse leeway covers it.
// Process-wide: every route is its own bundle, and a page's poll (another route) racing /api/me
// refreshed twice when each bundle kept its own map.
const SHARE_RESULT_MS = 30_000;
const inFlightRefreshes = () =>
  processWide('atlassian-refreshes', () => new Map<string, Promise<RefreshedTokens>>());

function keyOf(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('base64url');
}

function refreshOnce(refreshToken: string, refresh: RefreshTokens): Promise<RefreshedTokens> {
  const key = keyOf(refreshToken);
  const inFlight = inFlightRefreshes();
  const existing = inFlight.get(key);
  if (existing) return existing;
  const pending = refresh(refreshToken);
  inFlight.set(key, pending);
  const forget = () => setTimeout(() => inFlight.delete(key), SHARE_RESULT_MS).unref?.();
  pending.then(forget, () => inFlight.delete(key));
  return pending;
}

const refreshWithAtlassian: RefreshTokens = (refreshToken) => {
  const config = getConfig();
  if (!config.ATLASSIAN_CLIENT_ID || !config.ATLASSIAN_CLIENT_SECRET) {
    return Promise.reject(new Error('Atlassian sign-in is not configured'));
  }
  return refreshAccessToken(
    {
      authUrl: config.ATLASSIAN_AUTH_URL,
      clientId: config.ATLASSIAN_CLIENT_ID,
      clientSecret: config.ATLASSIAN_CLIENT_SECRET,
    },
    refreshToken,
  );
};

/**
 * Refreshes the Atlassian access token a minute before it expires and stores the rotated refresh
 * token every time. A rejected refresh token (invalid_grant) ends the session: the tokens are
 * dropped and the token is marked, so every reader treats the user as signed out. Any other
 * failure (Atlassian down) keeps the session; the next request tries again.
 */
export async function refreshSessionTokenIfDue(
  token: GreenlightToken,
  refresh: RefreshTokens = refreshWithAtlassian,
  nowSeconds = Math.floor(Date.now() / 1000),
  /** Refresh even though the token looks valid: Atlassian has just rejected it (expired early, or revoked). */
  force = false,
): Promise<RefreshResult> {
  if (token.error || !token.atlassian) return { token, changed: false };
  if (!force && !isExpiring(token.atlassian.expiresAt, nowSeconds)) return { token, changed: false };
  try {
    const fresh = await refreshOnce(token.atlassian.refreshToken, refresh);
    return {
      token: {
        ...token,
        atlassian: {
          accessToken: fresh.accessToken,
          refreshToken: fresh.refreshToken,
          expiresAt: fresh.expiresAt,
        },
      },
      changed: true,
    };
  } catch (error) {
    if (isInvalidGrant(error)) {
      logger.info({ userId: token.userId }, 'atlassian refresh token rejected; session ended');
      const { atlassian: _dropped, ...rest } = token;
      return { token: { ...rest, error: 'refresh_token_invalid' }, changed: true };
    }
    logger.warn(
      { userId: token.userId, err: error instanceof Error ? error.name : 'unknown' },
      'atlassian token refresh failed',
    );
    return { token, changed: false };
  }
}
