import createIntlMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { createNonce, pageContentSecurityPolicy } from '@/lib/http/security-headers';
import { DEFAULT_LOCALE_HEADER, DEFAULT_LOCALE, routing } from '@/lib/i18n/routing';

const localeRouting = createIntlMiddleware(routing);

/**
 * Every page request: its language, then a fresh nonce and its Content-Security-Policy.
 *
 * The language (next-intl): `/de/...` and `/ja/...` are served as they are, an unprefixed path is
 * English, and a first visit (no cookie) is redirected to the language Accept-Language asks for.
 * next-intl serves an unprefixed path by a rewrite to `/en/...`; a proxy's rewrite becomes an
 * external request in Next.js 16 when the server listens on 127.0.0.1 (it renames the host to
 * "localhost" on one side of the comparison only), so that rewrite is made by next.config.ts
 * instead, on the header set here.
 *
 * The nonce: Next.js reads it from the request's Content-Security-Policy header and puts it on
 * every script it renders. The fixed headers, and the policy of everything that is not a page,
 * come from next.config.ts: a proxy invocation halves a route handler's throughput, so JSON
 * answers and static files skip it (see `config` below).
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
  forwarded.delete(DEFAULT_LOCALE_HEADER);
  const routed = localeRouting(new NextRequest(request, { headers: forwarded }));
  const rewrite = routed.headers.get('x-middleware-rewrite');
  let response = routed;
  if (rewrite && new URL(rewrite).pathname === defaultLocalePath(request.nextUrl.pathname)) {
    forwarded.set(DEFAULT_LOCALE_HEADER, DEFAULT_LOCALE);
    response = NextResponse.next({ request: { headers: forwarded } });
    for (const name of ['set-cookie', 'link']) {
      const value = routed.headers.get(name);
      if (value) response.headers.set(name, value);
    }
  }
  response.headers.set('content-security-policy', policy);
  return response;
}

function defaultLocalePath(pathname: string): string {
  return pathname === '/' ? `/${DEFAULT_LOCALE}` : `/${DEFAULT_LOCALE}${pathname}`;
}

// Pages only: not route handlers (/api), Next's files (/_next) or files with an extension. The
// same split as isPageRequest and RESOURCE_SOURCES in lib/http/security-headers.ts.
export const config = {
  matcher: ['/((?!api(?:/|$)|_next/|.*\\.[A-Za-z0-9]+$).*)'],
};
