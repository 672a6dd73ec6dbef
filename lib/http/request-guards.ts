import { AppError } from '@/lib/errors';

/**
 * Mutating routes answer only same-origin requests: a browser marks cross-site requests with
 * Sec-Fetch-Site, and every browser sends Origin on a POST. Cookies are SameSite=Lax already; this
 * closes the remaining gaps (old browsers, same-site subdomains).
 */
export function assertSameOrigin(request: Request, appOrigin: string | undefined): void {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site') {
    throw new AppError('cross_site_request', 'Cross-site requests are not allowed.');
  }
  const origin = request.headers.get('origin');
  if (!origin) return;
  const expected = appOrigin ?? originOfRequest(request);
  if (origin !== expected) {
    throw new AppError('cross_site_request', 'This request did not come from Greenlight.');
  }
}

function originOfRequest(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const proto = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '');
  return `${proto}://${host}`;
}

export function assertJsonBody(request: Request): void {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json.');
  }
}

/** The address a rate limit counts against; behind a load balancer, the first forwarded hop. */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  const first = forwarded?.split(',')[0]?.trim();
  return first || request.headers.get('x-real-ip') || 'local';
}
