import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { createNonce, pageContentSecurityPolicy } from '@/lib/http/security-headers';

/**
 * A fresh nonce and its Content-Security-Policy for every page. Next.js reads the nonce from the
 * request's Content-Security-Policy header and puts it on every script it renders, which is why
 * pages are rendered per request (app/layout.tsx). The fixed headers, and the policy of
 * everything that is not a page, come from next.config.ts: a proxy invocation halves a route
 * handler's throughput, so JSON answers and static files skip it (see `config` below).
 *
 * Nothing here decides who the user is or what they may do: route handlers and lib/auth do, from
 * the session cookie (a proxy can be bypassed, e.g. CVE-2025-29927).
 */
export function proxy(request: NextRequest): NextResponse {
  const policy = pageContentSecurityPolicy(createNonce(), {
    development: getConfig().NODE_ENV === 'development',
  });
  const forwarded = new Headers(request.headers);
  forwarded.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set('content-security-policy', policy);
  return response;
}

// Pages only: not route handlers (/api), Next's files (/_next) or files with an extension. The
// same split as isPageRequest and RESOURCE_SOURCES in lib/http/security-headers.ts.
export const config = {
  matcher: ['/((?!api(?:/|$)|_next/|.*\\.[A-Za-z0-9]+$).*)'],
};
