/**
 * The security headers every response carries, built in one place. next.config.ts applies the
 * fixed ones to every path (route handlers, static files and pages alike); proxy.ts adds the
 * per-request nonce policy to pages only, so JSON answers never pay for a proxy invocation.
 *
 * Pages get a nonce-based Content-Security-Policy: the App Router streams its payload in inline
 * scripts, so 'self' alone would block hydration, and 'unsafe-inline' would let any injected
 * script run. With 'strict-dynamic' only scripts carrying this request's nonce (Next.js adds it
 * to its own tags) and the scripts they load may run; hosts in script-src are ignored by browsers
 * that understand it, and 'self' remains for those that do not. Pages prerendered at build time
 * have no nonce: their policy lists their inline scripts' hashes instead (prerendered.ts).
 */

export interface PolicyOptions {
  /** React's development build needs eval() to rebuild server error stacks; production never does. */
  development: boolean;
}

/** 128 random bits, base64: unguessable, and a fresh one for every page response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The policy for HTML pages: scripts only with this response's nonce. */
export function pageContentSecurityPolicy(nonce: string, { development }: PolicyOptions): string {
  return pagePolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`);
}

/**
 * The policy for a page prerendered at build time (lib/http/prerendered.ts): its own inline scripts
 * by hash, and script files from this origin. No 'strict-dynamic': it would drop 'self', and Next's
 * chunks (files of this origin, loaded as the page needs them) carry no hash.
 */
export function prerenderedPageContentSecurityPolicy(scriptHashes: readonly string[]): string {
  return pagePolicy(["'self'", ...scriptHashes].join(' '));
}

function pagePolicy(scriptSources: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    // Style attributes (Radix, cmdk and React set element.style) cannot carry a nonce; CSS cannot
    // run script, so inline styles are allowed while stylesheets stay same-origin or nonced.
    `style-src 'self' 'unsafe-inline'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The policy for everything that is not a page (JSON, scripts, styles, images): nothing in it
 * may load anything, and nobody may frame it. A JSON answer opened as a document stays inert.
 */
const RESOURCE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Browser features Greenlight never uses, denied to the page and to anything it embeds. */
const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
  'display-capture=()',
  'browsing-topics=()',
  'interest-cohort=()',
].join(', ');

/** One year, subdomains included: once a browser has seen it, it never speaks plain http to us. */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export interface SecurityHeaderOptions {
  /** HSTS only in production: on localhost over http it would be ignored, or pin a dev host to https. */
  production: boolean;
  development: boolean;
  /** Set for HTML pages; everything else gets the resource policy. */
  nonce?: string;
}

/** Every security header for one response, as name → value. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy':
      options.nonce === undefined
        ? RESOURCE_CONTENT_SECURITY_POLICY
        : pageContentSecurityPolicy(options.nonce, { development: options.development }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    // For browsers older than frame-ancestors.
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
  if (options.production) headers['strict-transport-security'] = STRICT_TRANSPORT_SECURITY;
  return headers;
}

/** A header rule in next.config's `headers()` shape. */
export interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

/**
 * Path patterns (next.config `source`, path-to-regexp) of everything that is not a page: route
 * handlers, Next's own files, and files with an extension. Kept in step with isPageRequest below
 * and with proxy.ts's matcher (security-headers.test.ts checks both).
 */
export const RESOURCE_SOURCES = ['/api/:path*', '/_next/:path*', '/:path(.*\\.[A-Za-z0-9]+)'];

/**
 * The fixed headers as next.config rules: the common ones on every path, and the resource policy
 * on every path that is not a page. Pages get their Content-Security-Policy from proxy.ts.
 */
export function staticHeaderRules({ production }: { production: boolean }): HeaderRule[] {
  const { 'content-security-policy': resourcePolicy, ...common } = securityHeaders({
    production,
    development: false,
  });
  const toList = (headers: Record<string, string>) =>
    Object.entries(headers).map(([key, value]) => ({ key, value }));
  return [
    // '/(.*)' rather than '/:path*', which does not match '/'.
    { source: '/(.*)', headers: toList(common) },
    ...RESOURCE_SOURCES.map((source) => ({
      source,
      headers: toList({ 'content-security-policy': resourcePolicy! }),
    })),
  ];
}

/**
 * Whether a request is for something rendered as an HTML page (and so needs a nonce). Route
 * handlers, Next's static files and files with an extension are resources.
 */
export function isPageRequest(pathname: string): boolean {
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  if (pathname.startsWith('/_next/')) return false;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !/\.[a-z0-9]+$/i.test(last);
}
