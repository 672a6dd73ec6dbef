import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { createNonce, isPageRequest, securityHeaders } from '@/lib/http/security-headers';

/**
 * Security headers on every response: pages, route handlers and static files. A page gets a
 * fresh nonce; Next.js reads it from the request's Content-Security-Policy header and puts it on
 * every script it renders, which is why pages are rendered per request (app/layout.tsx).
 *
 * Nothing here decides who the user is or what they may do: route handlers and lib/auth do, from
 * the session cookie (a proxy can be bypassed, e.g. CVE-2025-29927).
 */
export function proxy(request: NextRequest): NextResponse {
  const config = getConfig();
  const nonce = isPageRequest(request.nextUrl.pathname) ? createNonce() : undefined;
  const headers = securityHeaders({
    production: config.isProduction,
    development: config.NODE_ENV === 'development',
    nonce,
  });
  let response: NextResponse;
  if (nonce) {
    const forwarded = new Headers(request.headers);
    forwarded.set('content-security-policy', headers['content-security-policy']!);
    response = NextResponse.next({ request: { headers: forwarded } });
  } else {
    response = NextResponse.next();
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
