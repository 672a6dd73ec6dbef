import 'server-only';
import {
  createAtlassianHttpClient,
  badResponseError,
  mapUpstreamFailure,
  type FetchLike,
} from '@/lib/atlassian/http';
import { oauthErrorSchema, tokenResponseSchema } from '@/lib/atlassian/schemas';
import { AppError } from '@/lib/errors';

// Rotating refresh tokens (facts §1.3): every refresh disables the token sent and returns a new
// one, which the caller must store. Reusing an old one gets 403 invalid_grant and, outside a
// short leeway, revokes the whole grant, so this call is never retried.

export interface TokenEndpointConfig {
  /** ATLASSIAN_AUTH_URL, e.g. https://auth.atlassian.com */
  authUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface RefreshedTokens {
  accessToken: string;
  /** The NEW refresh token; the one sent is now disabled. */
  refreshToken: string;
  /** Epoch seconds. */
  expiresAt: number;
  scope?: string;
}

export interface RefreshOptions {
  timeoutMs?: number;
  /** Epoch milliseconds; injected in tests. */
  now?: () => number;
}

/** Thrown when Atlassian rejects the refresh token: the user must sign in (and consent) again. */
export class RefreshTokenRejectedError extends AppError {
  /** Atlassian's error_description, for logs (it never contains the token). */
  readonly upstreamDescription: string | undefined;

  constructor(description?: string) {
    super('invalid_grant', 'Your Atlassian sign-in has expired. Sign in again.');
    this.name = 'RefreshTokenRejectedError';
    this.upstreamDescription = description;
  }
}

export function isInvalidGrant(error: unknown): error is RefreshTokenRejectedError {
  return error instanceof AppError && error.code === 'invalid_grant';
}

const LABEL = 'a new Atlassian access token';

export async function refreshAccessToken(
  config: TokenEndpointConfig,
  refreshToken: string,
  fetchImpl?: FetchLike,
  options: RefreshOptions = {},
): Promise<RefreshedTokens> {
  const http = createAtlassianHttpClient({
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  const now = options.now ?? Date.now;
  const response = await http.send(
    `${config.authUrl.replace(/\/+$/, '')}/oauth/token`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      // The JSON body Atlassian documents; secrets travel in the body, never in the URL.
      body: JSON.stringify({
        grant_type: 'refresh_token',
        client_id: config.clientId,
        client_secret: config.clientSecret,
        refresh_token: refreshToken,
      }),
    },
    { idempotent: false, label: LABEL },
  );

  if (response.status < 200 || response.status >= 300) {
    const error = parseOAuthError(response.text);
    // Documented as 403; standard OAuth servers answer 400 for the same error.
    if ((response.status === 403 || response.status === 400) && error?.error === 'invalid_grant') {
      throw new RefreshTokenRejectedError(error.error_description);
    }
    if (error?.error === 'invalid_client' || error?.error === 'unauthorized_client') {
      throw new AppError(
        'atlassian_client_invalid',
        "Atlassian rejected Greenlight's app credentials. An administrator of Greenlight must check ATLASSIAN_CLIENT_ID and ATLASSIAN_CLIENT_SECRET.",
      );
    }
    throw mapUpstreamFailure(response, LABEL);
  }

  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    throw badResponseError(LABEL);
  }
  const parsed = tokenResponseSchema.safeParse(body);
  // Without a new refresh token the next refresh would reuse the disabled one and revoke the grant.
  if (!parsed.success || !parsed.data.refresh_token) throw badResponseError(LABEL);
  const tokens = parsed.data;
  return {
    accessToken: tokens.access_token,
    refreshToken: parsed.data.refresh_token,
    expiresAt: Math.floor(now() / 1000) + tokens.expires_in,
    ...(tokens.scope ? { scope: tokens.scope } : {}),
  };
}

function parseOAuthError(text: string) {
  try {
    const parsed = oauthErrorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** True when an access token expiring at `expiresAt` (epoch seconds) should be refreshed at `now` (epoch seconds). */
export function isExpiring(expiresAt: number, now: number, skewSeconds = 60): boolean {
  return now + skewSeconds >= expiresAt;
}
