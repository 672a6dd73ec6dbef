import 'server-only';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { resolveSession, type ServerSession } from '@/lib/auth/session';
import type { Viewer } from '@/lib/auth/viewer';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import type { Database } from '@/lib/db/types';
import { syncDirectoryForSession } from '@/lib/directory/directory-for-session';
import { logger, withRequestId } from '@/lib/log';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { AppError, notFound, unauthorized } from '@/lib/errors';
import { getRateLimiter } from './rate-limit';
import { RATE_LIMITS, type RateLimitName } from './rate-limits';
import { assertJsonBody, assertSameOrigin, clientAddress } from './request-guards';

/** What every handler is handed. */
interface BaseRouteContext<Params> {
  request: Request;
  /** The path parameters, parsed with the route's `params` schema (a mismatch answers 404). */
  params: Params;
  requestId: string;
  /** Who a rate limit counts against. */
  clientKey: string;
}

/** Added for `access: 'signed-in'` routes: the viewer comes from the session cookie only. */
interface SignedInRouteContext {
  viewer: Viewer;
  /** Server-only (may hold the Atlassian access token); never put it in a response. */
  session: ServerSession;
}

export type RouteAccess = 'public' | 'signed-in';

export interface RouteOptions {
  name: string;
  /**
   * 'signed-in' resolves the viewer from the next-auth session cookie (refreshing an expiring
   * Atlassian token), answers 401 without one, counts the rate limit per user, and syncs the
   * Atlassian directory. Defaults to 'public'; tests/integration/api-auth-walk.test.ts lists
   * the routes allowed to be public.
   */
  access?: RouteAccess;
  /** Counted per client (per user when signed in); omit for routes that need no limit. */
  rateLimit?: RateLimitName;
  /** The path parameters' schema; a parameter that does not fit cannot name anything: 404. */
  params?: z.ZodTypeAny;
  /**
   * 'wait' (the default) hands the handler an open database. 'none' opens none, for a route that
   * answers from memory (search): it never waits on the database, nor fails for it.
   */
  database?: 'wait' | 'none';
  /** Set for routes without a JSON body that still change state (DELETE). Defaults by method. */
  mutating?: boolean;
}

type ParamsOf<O extends RouteOptions> = O['params'] extends z.ZodTypeAny
  ? z.output<O['params']>
  : Record<string, never>;
type ParamsInputOf<O extends RouteOptions> = O['params'] extends z.ZodTypeAny
  ? z.input<O['params']>
  : Record<string, never>;

/** What a handler defined with options O is handed: the database, and the viewer when signed in. */
export type RouteContext<O extends RouteOptions> = BaseRouteContext<ParamsOf<O>> & {
  db: O['database'] extends 'none' ? undefined : Database;
} & (O['access'] extends 'signed-in' ? SignedInRouteContext : unknown);

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set('cache-control', headers.get('cache-control') ?? 'no-store');
  return new Response(JSON.stringify(data), { ...init, headers });
}

/** The JSON error shape every API failure has: `{ "error": { "code", "message" } }`. */
export function errorResponse(error: AppError, requestId: string): Response {
  return json(
    { error: { code: error.code, message: error.message } },
    { status: error.status, headers: { ...error.headers, 'x-request-id': requestId } },
  );
}

type RouteHandler<Params> = (request: Request, segment?: { params?: Promise<Params> }) => Promise<Response>;

const sessionExpired = () => new AppError('session_expired', 'Your session has ended. Sign in again.');

/** Next.js hands path parameters over as strings; anything the schema rejects names nothing. */
function parseParams(schema: z.ZodTypeAny | undefined, raw: unknown): unknown {
  if (!schema) return {};
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/**
 * Every route handler goes through here: request id, same-origin and content-type checks on
 * mutating requests, the session (for signed-in routes), the rate limit, the path parameters and
 * the database, and one mapping from errors to the JSON error shape. Unexpected errors are logged
 * and answered 500 without internals.
 */
export function defineRoute<const O extends RouteOptions>(
  options: O,
  handler: (context: RouteContext<O>) => Promise<Response>,
): RouteHandler<ParamsInputOf<O>> {
  const handle = async (
    request: Request,
    segment: { params?: Promise<ParamsInputOf<O>> } | undefined,
    requestId: string,
  ) => {
    // The request id comes from withRequestId below, on every line. The child logger is made
    // only when a line is written (0.6 % of the server's CPU under load when made per request).
    const log = () => logger.child({ route: options.name });
    // A refreshed (rotated) or ended session must reach the browser whatever the handler answers.
    let sessionCookies: string[] = [];
    const withSessionCookies = (response: Response) => {
      for (const cookie of sessionCookies) response.headers.append('set-cookie', cookie);
      return response;
    };
    try {
      const mutating = options.mutating ?? MUTATING_METHODS.has(request.method);
      if (mutating)
        assertSameOrigin(request, getConfig().NEXTAUTH_URL && new URL(getConfig().NEXTAUTH_URL!).origin);
      let signedIn: SignedInRouteContext | undefined;
      if (options.access === 'signed-in') {
        const resolution = await resolveSession(request);
        sessionCookies = resolution.setCookies;
        if (resolution.status === 'expired') throw sessionExpired();
        if (resolution.status !== 'signed-in') throw unauthorized();
        signedIn = { viewer: resolution.session.viewer, session: resolution.session };
      }
      if (mutating && request.method !== 'DELETE') assertJsonBody(request);
      const clientKey = signedIn
        ? `user:${signedIn.viewer.userId}`
        : clientAddress(request, getConfig().TRUSTED_PROXY_HOPS);
      if (options.rateLimit) {
        const rule = { name: options.name, ...RATE_LIMITS[options.rateLimit] };
        const decision = await getRateLimiter().consume(rule, clientKey);
        if (!decision.allowed) {
          throw new AppError('rate_limited', 'Too many requests. Try again shortly.', {
            'retry-after': String(decision.retryAfterSeconds),
          });
        }
      }
      if (signedIn) {
        try {
          await syncDirectoryForSession(await getDb(), signedIn.session);
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'atlassian_token_invalid')) throw error;
          // Atlassian rejected an access token the cookie still calls valid (expired early, or
          // revoked): refresh it once and try again. A rejected refresh token ends the session.
          const renewed = await resolveSession(request, undefined, { forceRefresh: true });
          sessionCookies = renewed.setCookies;
          if (renewed.status !== 'signed-in') throw sessionExpired();
          signedIn = { viewer: renewed.session.viewer, session: renewed.session };
          await syncDirectoryForSession(await getDb(), signedIn.session);
        }
      }
      const params = parseParams(options.params, await segment?.params);
      const db = options.database === 'none' ? undefined : await getDb();
      // The option types tie each handler to the context it is given here.
      const context = { request, params, requestId, clientKey, db, ...signedIn } as RouteContext<O>;
      const response = await handler(context);
      response.headers.set('x-request-id', requestId);
      return withSessionCookies(response);
    } catch (error) {
      if (error instanceof AppError) return withSessionCookies(errorResponse(error, requestId));
      if (isDatabaseUnavailable(error)) {
        log().warn({ err: errorName(error) }, 'database unavailable');
        return withSessionCookies(
          errorResponse(
            new AppError(
              'database_unavailable',
              'The service is briefly unavailable. Try again in a moment.',
              { 'retry-after': '5' },
            ),
            requestId,
          ),
        );
      }
      log().error({ err: error }, 'unexpected error');
      return withSessionCookies(
        errorResponse(new AppError('internal_error', 'Something went wrong on our side.'), requestId),
      );
    }
  };
  return (request, segment) => {
    const requestId = requestIdOf(request);
    return withRequestId(requestId, () => handle(request, segment, requestId));
  };
}

// A load balancer's id is kept so its logs and ours join up; anything odd gets a fresh one.
const FORWARDED_REQUEST_ID = /^[\w.:-]{1,64}$/;

function requestIdOf(request: Request): string {
  const forwarded = request.headers.get('x-request-id');
  return forwarded && FORWARDED_REQUEST_ID.test(forwarded) ? forwarded : randomUUID();
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
