import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';

// A small fetch client for Atlassian's 3LO APIs: one timeout per attempt, bounded retries for
// idempotent calls, Retry-After honoured, every failure turned into an AppError with a stable code.
// It never logs or echoes tokens; messages name what was being read, not how.

export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

export interface AtlassianHttpOptions {
  /** Injected in tests; defaults to the global fetch. */
  fetch?: FetchLike;
  /** Per attempt, not per call (default 5,000 ms). */
  timeoutMs?: number;
  /** Extra attempts for idempotent calls (default 2, so at most 3 attempts). */
  maxRetries?: number;
  /** Exponential backoff with jitter: base * 2^attempt, capped (defaults 250 ms and 2,000 ms). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this fails fast instead of holding the request (default 10 s). */
  maxRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** A finished upstream exchange with its body already read (inside the attempt's timeout). */
export interface UpstreamResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface SendOptions {
  /** Only idempotent calls are retried; a token POST is never replayed. */
  idempotent: boolean;
  /** What was being read, for messages: "your Atlassian profile". */
  label: string;
}

export interface AtlassianHttpClient {
  send(url: string, init: RequestInit, options: SendOptions): Promise<UpstreamResponse>;
  getJson<T>(
    url: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    call: { label: string; accessToken: string },
  ): Promise<T>;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_BACKOFF_BASE_MS = 250;
const DEFAULT_BACKOFF_MAX_MS = 2_000;
const DEFAULT_MAX_RETRY_AFTER_SECONDS = 10;
/** What we tell our own callers when Atlassian rate limited us without saying for how long. */
const FALLBACK_RETRY_AFTER_SECONDS = 10;

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const RETRY_AFTER_STATUSES = new Set([429, 503]);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Equal jitter: half the exponential delay fixed, half random, so clients that failed together spread out. */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After in seconds; Atlassian sends delta-seconds, but an HTTP date is valid too. */
export function parseRetryAfterSeconds(value: string | null, nowMs = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Only an IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would also accept "-1".
  if (!/^[A-Za-z]{3}, /.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function timeoutError(label: string, timeoutMs: number): AppError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new AppError(
    'atlassian_timeout',
    `Atlassian did not answer within ${seconds} s while reading ${label}. Try again in a moment.`,
  );
}

function networkError(label: string): AppError {
  return new AppError(
    'atlassian_unavailable',
    `Greenlight could not reach Atlassian while reading ${label}. Try again in a moment.`,
  );
}

export function badResponseError(label: string): AppError {
  return new AppError(
    'atlassian_bad_response',
    `Atlassian sent an answer Greenlight did not expect while reading ${label}. Try again later.`,
  );
}

function readJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** True for Atlassian's observed body `{"code":401,"message":"Unauthorized; scope does not match"}`. */
export function isScopeMismatch(response: UpstreamResponse): boolean {
  if (response.status !== 401) return false;
  const body = readJsonObject(response.text);
  const message = typeof body?.message === 'string' ? body.message : response.text;
  return /scope does not match/i.test(message);
}

/** Maps a non-2xx upstream answer to the AppError our API returns. */
export function mapUpstreamFailure(response: UpstreamResponse, label: string): AppError {
  const { status } = response;
  if (status === 401) {
    if (isScopeMismatch(response)) {
      return new AppError(
        'atlassian_scope_missing',
        `Greenlight's Atlassian app lacks a permission (OAuth scope) needed to read ${label}. ` +
          'An administrator of Greenlight must add the scope in the Atlassian developer console, then you sign in again.',
      );
    }
    return new AppError(
      'atlassian_token_invalid',
      'Your Atlassian sign-in is no longer valid. Sign in again.',
    );
  }
  const retryAfter = parseRetryAfterSeconds(response.headers.get('retry-after'));
  if (status === 429) {
    const seconds = Math.max(1, retryAfter ?? FALLBACK_RETRY_AFTER_SECONDS);
    return new AppError(
      'atlassian_rate_limited',
      `Atlassian is rate limiting requests while reading ${label}. Try again in ${seconds} s.`,
      { 'Retry-After': String(seconds) },
    );
  }
  if (status >= 500) {
    return new AppError(
      'atlassian_unavailable',
      `Atlassian answered with an error (${status}) while reading ${label}. Try again in a moment.`,
      retryAfter !== undefined ? { 'Retry-After': String(Math.max(1, retryAfter)) } : {},
    );
  }
  // 403 and 404 usually mean the product or site is not in the user's grant: an upstream refusal,
  // not Greenlight's own authorization, so they stay in the 502 family.
  if (status === 403) {
    return new AppError('atlassian_forbidden', `Atlassian refused access to ${label}.`);
  }
  if (status === 404) {
    return new AppError('atlassian_not_found', `Atlassian could not find ${label}.`);
  }
  return new AppError(
    'atlassian_unexpected_status',
    `Atlassian answered with status ${status} while reading ${label}.`,
  );
}

export function createAtlassianHttpClient(options: AtlassianHttpOptions = {}): AtlassianHttpClient {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const backoffBaseMs = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const backoffMaxMs = options.backoffMaxMs ?? DEFAULT_BACKOFF_MAX_MS;
  const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;

  async function attempt(url: string, init: RequestInit): Promise<UpstreamResponse> {
    // The signal also covers reading the body, so a server that stalls mid-answer still times out.
    const response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  }

  async function send(
    url: string,
    init: RequestInit,
    { idempotent, label }: SendOptions,
  ): Promise<UpstreamResponse> {
    const attempts = idempotent ? maxRetries + 1 : 1;
    for (let index = 0; ; index++) {
      const isLast = index >= attempts - 1;
      let response: UpstreamResponse;
      try {
        response = await attempt(url, init);
      } catch (error) {
        const mapped = isTimeout(error) ? timeoutError(label, timeoutMs) : networkError(label);
        if (isLast) throw mapped;
        await sleep(backoffDelayMs(index, backoffBaseMs, backoffMaxMs, random));
        continue;
      }
      if (isLast || !RETRYABLE_STATUSES.has(response.status)) return response;
      const retryAfter = RETRY_AFTER_STATUSES.has(response.status)
        ? parseRetryAfterSeconds(response.headers.get('retry-after'))
        : undefined;
      // Holding a page load for longer than the cap helps nobody: hand the wait to the caller.
      if (retryAfter !== undefined && retryAfter > maxRetryAfterSeconds) return response;
      await sleep(
        retryAfter !== undefined
          ? retryAfter * 1000
          : backoffDelayMs(index, backoffBaseMs, backoffMaxMs, random),
      );
    }
  }

  async function getJson<T>(
    url: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    call: { label: string; accessToken: string },
  ): Promise<T> {
    const response = await send(
      url,
      { method: 'GET', headers: { authorization: `Bearer ${call.accessToken}`, accept: 'application/json' } },
      { idempotent: true, label: call.label },
    );
    if (response.status < 200 || response.status >= 300) throw mapUpstreamFailure(response, call.label);
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      throw badResponseError(call.label);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw badResponseError(call.label);
    return parsed.data;
  }

  return { send, getJson };
}
