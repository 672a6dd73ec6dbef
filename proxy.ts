import createIntlMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { prerenderedScriptHashes } from '@/lib/http/prerendered';
import { prerenderedManifest } from '@/lib/http/prerendered-manifest';
import {
  createNonce,
  pageContentSecurityPolicy,
  prerenderedPageContentSecurityPolicy,
} from '@/lib/http/security-headers';
import { PRERENDERED_HEADER } from '@/lib/i18n/locales';
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
 * The route: a page the build prerendered (lib/http/prerendered.ts) is served from that render to
 * a request without a session cookie or query string, with a policy that lists its inline scripts'
 * hashes (next.config.ts rewrites the marked request to app/prerendered); every other page is
 * rendered per request with the nonce.
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
  // Set only here: a client's own copy of these headers must not choose the route.
  forwarded.delete(DEFAULT_LOCALE_HEADER);
  forwarded.delete(PRERENDERED_HEADER);
  const routed = localeRouting(new NextRequest(request, { headers: forwarded }));
  if (routed.headers.has('location')) {
    routed.headers.set('content-security-policy', policy);
    return routed;
  }
  const rewrite = routed.headers.get('x-middleware-rewrite');
  const pathname = request.nextUrl.pathname;
  const unprefixed = !!rewrite && new URL(rewrite).pathname === defaultLocalePath(pathname);
  const scriptHashes = prerenderedScriptHashes(prerenderedManifest(), {
    localePath: unprefixed ? defaultLocalePath(pathname) : pathname,
    search: request.nextUrl.searchParams,
    cookie: request.headers.get('cookie'),
  });
  let response = routed;
  if (unprefixed || scriptHashes) {
    if (unprefixed) forwarded.set(DEFAULT_LOCALE_HEADER, DEFAULT_LOCALE);
    if (scriptHashes) forwarded.set(PRERENDERED_HEADER, '1');
    response = NextResponse.next({ request: { headers: forwarded } });
    for (const name of ['set-cookie', 'link']) {
      const value = routed.headers.get(name);
      if (value) response.headers.set(name, value);
    }
  }
  response.headers.set(
    'content-security-policy',
    scriptHashes ? prerenderedPageContentSecurityPolicy(scriptHashes) : policy,
  );
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
