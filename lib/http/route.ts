import 'server-only';
import { randomUUID } from 'node:crypto';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log';
import { AppError, errorBody, isDatabaseUnavailable } from './errors';
import { getRateLimiter, type RateLimitRule } from './rate-limit';
import { assertJsonBody, assertSameOrigin, clientAddress } from './request-guards';

export interface RouteContext<Params> {
  request: Request;
  params: Params;
  requestId: string;
  /** Who a rate limit counts against. */
  clientKey: string;
}

export interface RouteOptions {
  /** Counted per client; omit for routes that need no limit (health). */
  rateLimit?: Omit<RateLimitRule, 'name'> & { name?: string };
  /** Set for routes without a JSON body that still change state (DELETE). Defaults by method. */
  mutating?: boolean;
  name: string;
}

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set('cache-control', headers.get('cache-control') ?? 'no-store');
  return new Response(JSON.stringify(data), { ...init, headers });
}

export function errorResponse(error: AppError, requestId: string): Response {
  return json(errorBody(error.code, error.message), {
    status: error.status,
    headers: { ...error.headers, 'x-request-id': requestId },
  });
}

/**
 * Every route handler goes through here: request id, same-origin and content-type checks on
 * mutating requests, the rate limit, and one mapping from errors to the JSON error shape.
 * Unexpected errors are logged and answered 500 without internals.
 */
export function defineRoute<Params = Record<string, never>>(
  options: RouteOptions,
  handler: (context: RouteContext<Params>) => Promise<Response>,
) {
  return async (request: Request, segment?: { params?: Promise<Params> }): Promise<Response> => {
    const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
    const log = logger.child({ requestId, route: options.name });
    try {
      const mutating = options.mutating ?? MUTATING_METHODS.has(request.method);
      if (mutating) {
        assertSameOrigin(request, getConfig().NEXTAUTH_URL && new URL(getConfig().NEXTAUTH_URL!).origin);
        if (request.method !== 'DELETE') assertJsonBody(request);
      }
      const clientKey = clientAddress(request);
      if (options.rateLimit) {
        const rule = { name: options.rateLimit.name ?? options.name, ...options.rateLimit };
        const decision = await getRateLimiter().consume(rule, clientKey);
        if (!decision.allowed) {
          throw new AppError(429, 'rate_limited', 'Too many requests. Try again shortly.', {
            'retry-after': String(decision.retryAfterSeconds),
          });
        }
      }
      const params = ((await segment?.params) ?? {}) as Params;
      const response = await handler({ request, params, requestId, clientKey });
      response.headers.set('x-request-id', requestId);
      return response;
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error, requestId);
      if (isDatabaseUnavailable(error)) {
        log.warn({ err: errorName(error) }, 'database unavailable');
        return errorResponse(
          new AppError(503, 'database_unavailable', 'The service is briefly unavailable. Try again in a moment.', {
            'retry-after': '5',
          }),
          requestId,
        );
      }
      log.error({ err: error }, 'unexpected error');
      return errorResponse(new AppError(500, 'internal_error', 'Something went wrong on our side.'), requestId);
    }
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
