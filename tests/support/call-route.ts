import { TEST_ORIGIN } from './requests';
import { sessionCookieFor, type DemoUserKey } from './session';

type Handler = (request: Request, segment?: { params?: Promise<never> }) => Promise<Response>;

export interface RouteCall {
  method: string;
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  /** Signed in as this demo user; signed out when omitted. */
  as?: DemoUserKey;
  headers?: Record<string, string>;
}

/** Calls a route handler the way Next.js does, from a browser on the app's own origin. */
export async function callRoute(handler: unknown, call: RouteCall): Promise<Response> {
  const headers: Record<string, string> = { host: 'localhost:3000', ...call.headers };
  if (call.method !== 'GET' && call.method !== 'HEAD') {
    headers.origin ??= TEST_ORIGIN;
    headers['content-type'] ??= 'application/json';
  }
  if (call.as) headers.cookie = await sessionCookieFor(call.as);
  const body =
    call.body === undefined
      ? undefined
      : typeof call.body === 'string'
        ? call.body
        : JSON.stringify(call.body);
  const request = new Request(`${TEST_ORIGIN}${call.path}`, { method: call.method, headers, body });
  return (handler as Handler)(request, { params: Promise.resolve(call.params ?? {}) as Promise<never> });
}
