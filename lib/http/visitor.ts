import { createHmac, randomUUID } from 'node:crypto';
import { getConfig } from '@/lib/config';

const VISITOR_COOKIE = 'gl_vid';
const VISITOR_ID = /^[0-9a-f-]{36}$/;

/**
 * An anonymous, random visitor id in an HttpOnly cookie: enough to keep one vote per visitor per
 * article without knowing who they are.
 */
export function visitorIdFrom(request: Request): { visitorId: string; isNew: boolean } {
  const cookie = request.headers.get('cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${VISITOR_COOKIE}=([^;]+)`).exec(cookie);
  const existing = match?.[1];
  if (existing && VISITOR_ID.test(existing)) return { visitorId: existing, isNew: false };
  return { visitorId: randomUUID(), isNew: true };
}

/**
 * Secure when the public URL (NEXTAUTH_URL) is https, like the session cookies: behind a proxy
 * that terminates TLS the request itself arrives over http.
 */
export function visitorCookie(visitorId: string, secure = getConfig().secureCookies): string {
  const oneYear = 60 * 60 * 24 * 365;
  return `${VISITOR_COOKIE}=${visitorId}; Path=/; Max-Age=${oneYear}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/**
 * What the usage signal stores of a visitor: a keyed hash of their cookie id, so the table of
 * opens cannot be joined to votes or cookies without the server's secret, and says nothing of who.
 */
export function hashedVisitorId(visitorId: string, secret = getConfig().authSecret): string {
  return createHmac('sha256', secret).update(`search-usage:${visitorId}`).digest('base64url').slice(0, 32);
}
