import 'server-only';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';
import { createDecodedSessionCache } from './decoded-sessions';

/**
 * What Greenlight keeps in the encrypted session cookie (next-auth's JWT). Atlassian tokens live
 * here and only here: the session object sent to the browser is built field by field without them.
 */
export interface GreenlightToken extends JWT {
  userId: string;
  accountId: string;
  email: string;
  name: string;
  source: 'local' | 'atlassian';
  atlassian?: {
    accessToken: string;
    refreshToken: string;
    /** Epoch seconds. */
    expiresAt: number;
  };
  /** Set when Atlassian rejected the refresh token: the session is over and must not be used. */
  error?: 'refresh_token_invalid';
}

/** Session lifetime; Atlassian refresh tokens outlive it (90 days of inactivity). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

// next-auth splits a cookie larger than this into name.0, name.1, ...; same numbers as its SessionStore.
const CHUNK_SIZE = 4096 - 163;

function sessionCookieName(secure = getConfig().secureCookies): string {
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

export function isGreenlightToken(value: unknown): value is GreenlightToken {
  const token = value as Partial<GreenlightToken> | null;
  return (
    !!token &&
    typeof token.userId === 'string' &&
    typeof token.accountId === 'string' &&
    typeof token.email === 'string' &&
    typeof token.name === 'string' &&
    (token.source === 'local' || token.source === 'atlassian')
  );
}

function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/** The raw session cookie value, reassembled from chunks when next-auth split it. */
export function sessionCookieValue(
  cookies: Map<string, string>,
  name = sessionCookieName(),
): string | undefined {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index++) chunks.push(cookies.get(`${name}.${index}`)!);
  return chunks.length ? chunks.join('') : undefined;
}

/** Names of the session cookies the request carries (to expire them, chunks included). */
export function sessionCookieNames(cookies: Map<string, string>, name = sessionCookieName()): string[] {
  return [...cookies.keys()].filter((key) => key === name || key.startsWith(`${name}.`));
}

/**
 * Whether this deployment accepts a session of the token's kind: a demo (`local`) session only
 * while demo sign-in is on. A cookie minted while it was on (or by anyone holding the secret of a
 * demo deployment) must not keep working after the operator turned it off.
 */
export function isAcceptedSession(token: GreenlightToken): boolean {
  return token.source !== 'local' || getConfig().demoSignIn;
}

// On globalThis: Next.js bundles each route separately, and they should all share one cache.
const holder = globalThis as typeof globalThis & {
  __greenlightDecodedSessions?: ReturnType<typeof createDecodedSessionCache>;
};
const decodedSessions = (holder.__greenlightDecodedSessions ??= createDecodedSessionCache());

/** The cookie's token, decoded (and checked for expiry) once per process while it is valid. */
export async function decodeSessionToken(raw: string | undefined): Promise<GreenlightToken | null> {
  if (!raw) return null;
  try {
    const payload = await decodedSessions.get(raw, (token) =>
      decode({ token, secret: getConfig().authSecret }),
    );
    // Checked on every use: whether demo sessions are accepted is the deployment's current setting.
    return isGreenlightToken(payload) && isAcceptedSession(payload) ? payload : null;
  } catch {
    // A cookie from another secret or a tampered one is simply no session.
    return null;
  }
}

/** Reads the session from the request's cookies only; an Authorization header is never trusted. */
export async function readSessionToken(
  request: Request,
): Promise<{ token: GreenlightToken | null; cookies: Map<string, string> }> {
  const cookies = parseCookieHeader(request.headers.get('cookie'));
  return { token: await decodeSessionToken(sessionCookieValue(cookies)), cookies };
}

export async function encodeSessionToken(token: GreenlightToken): Promise<string> {
  return encode({ token, secret: getConfig().authSecret, maxAge: SESSION_MAX_AGE_SECONDS });
}

function cookieAttributes(expires: Date): string {
  const secure = getConfig().secureCookies ? '; Secure' : '';
  return `Path=/; Expires=${expires.toUTCString()}; HttpOnly; SameSite=Lax${secure}`;
}

/**
 * Set-Cookie values that store `encoded` the way next-auth does (chunked when large) and expire
 * any chunk of the previous cookie that the new one no longer uses.
 */
export function sessionSetCookies(encoded: string, previousNames: string[], now = new Date()): string[] {
  const name = sessionCookieName();
  const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  const values = new Map<string, string>();
  if (encoded.length <= CHUNK_SIZE) {
    values.set(name, encoded);
  } else {
    for (let index = 0; index * CHUNK_SIZE < encoded.length; index++) {
      values.set(`${name}.${index}`, encoded.slice(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE));
    }
  }
  const headers = [...values].map(([key, value]) => `${key}=${value}; ${cookieAttributes(expires)}`);
  for (const stale of previousNames) {
    if (!values.has(stale)) headers.push(`${stale}=; ${cookieAttributes(new Date(0))}`);
  }
  return headers;
}

/** Set-Cookie values that end the session (every chunk). */
export function clearSessionCookies(previousNames: string[]): string[] {
  return previousNames.map((name) => `${name}=; ${cookieAttributes(new Date(0))}`);
}
