import { AppError } from '@/lib/errors';
import { peerAddressOf } from './peer-address';

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

/**
 * The address a rate limit counts against. `trustedProxyHops` (TRUSTED_PROXY_HOPS) is how many
 * proxies in front of Greenlight append to X-Forwarded-For; the chain is read from the right, the
 * socket's own address last, so whatever a client wrote at the left never counts:
 *
 * - 0: the socket address; X-Forwarded-For is ignored.
 * - n: the address n places left of the socket in `X-Forwarded-For, socket` (the address the
 *   outermost trusted proxy saw). A shorter chain means fewer proxies than configured: its
 *   leftmost entry, which a trusted proxy wrote.
 *
 * Without a stamped socket address (outside a server that ran instrumentation.ts, or in its first
 * moments), hops 0 counts every such request as one client rather than believe a header, and
 * hops n reads the chain without the socket.
 */
export function clientAddress(request: Request, trustedProxyHops: number): string {
  const peer = peerAddressOf(request);
  if (trustedProxyHops === 0) return peer ? normalizeAddress(peer) : UNKNOWN_CLIENT;
  const forwarded = request.headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = peer ? [...(forwarded ?? []), peer] : (forwarded ?? []);
  const index = peer ? chain.length - 1 - trustedProxyHops : chain.length - trustedProxyHops;
  const address = chain[Math.max(0, index)];
  return address ? normalizeAddress(address) : UNKNOWN_CLIENT;
}

/** Requests whose sender cannot be told apart share one allowance (see clientAddress). */
const UNKNOWN_CLIENT = 'unknown';

/** IPv4 behind an IPv6 socket ("::ffff:203.0.113.9") is the same client as "203.0.113.9". */
function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}
