// Every call the browser makes to Greenlight's server goes through here: one error type, one JSON
// parse, and the request rules the server enforces (lib/http/request-guards.ts) written once.
// Request and response types come from the lib modules that define them, as type-only imports:
// erased at build time, so no server code (or zod) reaches the browser.
import type { SetUserLocaleInput } from '@/lib/auth/user-locale';
import type { DirectorySite } from '@/lib/directory/types';
import type { SiteApp } from '@/lib/directory/list-apps-on-site';
import type { SiteAdminContact } from '@/lib/directory/list-site-admins';
import type { FlowEventBatch } from '@/lib/flows/event-input';
import type { FeedbackInput } from '@/lib/insights/feedback-input';
import type { StoredFeedback } from '@/lib/insights/record-feedback';
import type { NotificationList } from '@/lib/notifications/list-notifications';
import type { MarkNotificationsReadInput } from '@/lib/notifications/mark-notifications-read';
import type { AccessRequestDto } from '@/lib/requests/access-request-dto';
import type {
  CreateAccessRequestInput,
  DecideAccessRequestsInput,
} from '@/lib/requests/access-request-input';
import type { FallbackRouteDto, FallbackRouteInput } from '@/lib/requests/fallback-routes';
import type {
  ConnectOrganizationInput,
  OrganizationConnectionDto,
} from '@/lib/organizations/connect-organization';
import type { PreApprovalDto } from '@/lib/requests/pre-approved-apps';
import type { AppAuthorizationDto } from '@/lib/requests/set-app-authorization';
import type { SearchAnswer } from '@/lib/search/search-answer';
import type { SearchEventInput } from '@/lib/search/search-event-input';

/** A call that failed: the server's `{ error: { code, message } }`, or what the browser saw. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface CallOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** The request outlives the page (sent while it unloads). */
  keepalive?: boolean;
  /** What to tell the person when the server gives no message of its own. */
  failureMessage?: string;
}

/**
 * The server answers state-changing requests only from its own origin (the browser's Origin and
 * Sec-Fetch-Site headers say so; credentials stay same-origin) and only with a JSON body, except
 * DELETE. So POST and PUT always carry one, `{}` when there is nothing to say.
 */
function requestInit(method: Method, options: CallOptions): RequestInit {
  const sendsBody = method === 'POST' || method === 'PUT';
  return {
    method,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { accept: 'application/json', ...(sendsBody ? { 'content-type': 'application/json' } : {}) },
    ...(sendsBody ? { body: JSON.stringify(options.body ?? {}) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.keepalive ? { keepalive: true } : {}),
  };
}

async function call<T>(method: Method, path: string, options: CallOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, requestInit(method, options));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Greenlight could not be reached. Check your connection.');
  }
  const payload = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      payload?.error?.code ?? 'http_error',
      payload?.error?.message ?? options.failureMessage ?? `The request failed (${response.status}).`,
    );
  }
  return payload as T;
}

const segment = encodeURIComponent;

// ---- search ----

function searchPath(query: string, locale: string, limit = 8): string {
  const params = new URLSearchParams({ q: query.slice(0, 200), limit: String(limit) });
  // English is the API's default: its address stays as it was.
  if (locale !== 'en') params.set('locale', locale);
  return `/api/search?${params.toString()}`;
}

/**
 * Suggestions as someone types (a GET: it is never counted in insights), in the reader's language
 * first with English as the fallback.
 */
export function searchSuggestions(
  query: string,
  locale: string,
  signal?: AbortSignal,
): Promise<SearchAnswer> {
  return call<SearchAnswer>('GET', searchPath(query, locale), {
    signal,
    failureMessage: 'Search is unavailable right now.',
  });
}

/**
 * Reports what someone did with search: the search they settled on (counted in insights), or a
 * result they opened from it (the usage signal). Nobody asked for it and they are on their way
 * elsewhere, so a failure is dropped.
 */
export function sendSearchEvent(event: SearchEventInput): void {
  if (!event.q.trim()) return;
  void call('POST', '/api/search/events', { body: event, keepalive: true }).catch(() => undefined);
}

// ---- the signed-in person ----

/**
 * Remembers the language a signed-in person switched to, for their e-mails and notifications.
 * Sent as the page changes language; a failure is dropped, since the language they browse in is
 * taken again at their next sign-in.
 */
export function saveMyLocale(locale: SetUserLocaleInput['locale']): void {
  void call('PUT', '/api/me/locale', { body: { locale }, keepalive: true }).catch(() => undefined);
}

// ---- articles and the troubleshooter ----

export async function sendFeedback(input: FeedbackInput): Promise<StoredFeedback> {
  const body = await call<{ feedback: StoredFeedback }>('POST', '/api/feedback', {
    body: input,
    failureMessage: 'Your feedback could not be sent. Try again.',
  });
  return body.feedback;
}

/**
 * Funnel events, sent as the page goes away: nobody is left to tell of a failure, and a lost
 * batch only makes the funnel slightly thinner, so failures are dropped.
 */
export function sendFunnelEvents(batch: FlowEventBatch): void {
  void call('POST', '/api/flows/events', { body: batch, keepalive: true }).catch(() => undefined);
}

export async function listSiteAdmins(siteId: string): Promise<SiteAdminContact[]> {
  return (await call<{ admins: SiteAdminContact[] }>('GET', `/api/sites/${segment(siteId)}/admins`)).admins;
}

export function listSiteApps(siteId: string): Promise<{ site: DirectorySite; apps: SiteApp[] }> {
  return call('GET', `/api/sites/${segment(siteId)}/apps`);
}

/** A product admin of the site confirms being its site or org admin (stored as self-confirmed). */
export async function confirmSiteAdmin(siteId: string): Promise<Pick<DirectorySite, 'id' | 'role'>> {
  const path = `/api/sites/${segment(siteId)}/admin-confirmation`;
  return (await call<{ site: Pick<DirectorySite, 'id' | 'role'> }>('POST', path)).site;
}

export async function authorizeApp(siteId: string, appId: string): Promise<AppAuthorizationDto> {
  const path = `/api/sites/${segment(siteId)}/apps/${segment(appId)}/authorization`;
  return (await call<{ authorization: AppAuthorizationDto }>('PUT', path)).authorization;
}

export async function createAccessRequest(input: CreateAccessRequestInput): Promise<AccessRequestDto> {
  return (await call<{ request: AccessRequestDto }>('POST', '/api/access-requests', { body: input })).request;
}

export async function listAccessRequestsOnSite(siteId: string): Promise<AccessRequestDto[]> {
  const path = `/api/access-requests?siteId=${segment(siteId)}`;
  return (await call<{ requests: AccessRequestDto[] }>('GET', path)).requests;
}

export async function withdrawAccessRequest(id: string): Promise<AccessRequestDto> {
  return (await call<{ request: AccessRequestDto }>('DELETE', `/api/access-requests/${segment(id)}`)).request;
}

// ---- the admin console ----

export async function decideAccessRequests(input: DecideAccessRequestsInput): Promise<AccessRequestDto[]> {
  const body = await call<{ requests: AccessRequestDto[] }>('POST', '/api/access-requests/decisions', {
    body: input,
  });
  return body.requests;
}

export async function setPreApproval(
  siteId: string,
  appId: string,
  preApproved: boolean,
): Promise<PreApprovalDto> {
  const path = `/api/sites/${segment(siteId)}/pre-approved-apps/${segment(appId)}`;
  return (await call<{ preApproval: PreApprovalDto }>(preApproved ? 'PUT' : 'DELETE', path)).preApproval;
}

/** An org admin adds a fallback route, or replaces the addresses of the one with the same pattern. */
export async function saveFallbackRoute(input: FallbackRouteInput): Promise<FallbackRouteDto> {
  return (await call<{ route: FallbackRouteDto }>('POST', '/api/fallback-routes', { body: input })).route;
}

export async function removeFallbackRoute(id: string): Promise<void> {
  await call<{ removed: boolean }>('DELETE', `/api/fallback-routes/${segment(id)}`);
}

// ---- notifications ----

/** The signed-in person's notifications; null once they are signed out (no bell to show). */
export async function listNotifications(locale: string): Promise<NotificationList | null> {
  try {
    return await call<NotificationList>('GET', `/api/notifications?locale=${segment(locale)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function markNotificationsRead(input: MarkNotificationsReadInput): Promise<number> {
  return (await call<{ marked: number }>('POST', '/api/notifications/read', { body: input })).marked;
}

// ---- sign-in (next-auth's own endpoints: form posts with its CSRF token, not the JSON API) ----

/**
 * Signs out the way next-auth/react's signOut does (CSRF token, then a form POST to
 * /api/auth/signout), without shipping next-auth/react (about 14 KB gzipped) to every page for one
 * button. Returns where to go next.
 */
export async function signOutOfSession(callbackUrl: string): Promise<string> {
  const { csrfToken } = await call<{ csrfToken: string }>('GET', '/api/auth/csrf');
  const response = await fetch('/api/auth/signout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: 'true' }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  return url ?? callbackUrl;
}

/**
 * Whether the session cookie still holds a live session. Asking also keeps an active session
 * rolling (next-auth re-issues the cookie) and lets the server rotate an expiring Atlassian token.
 */
export async function sessionHasEnded(): Promise<boolean> {
  const session = await call<{ user?: unknown; error?: string } | null>('GET', '/api/auth/session');
  return Boolean(session && (session.error || !session.user));
}

// ---- organization connection ----

/** Tests the key with Atlassian, then stores it (a new connection, or a replaced key). */
export async function connectOrganization(
  input: ConnectOrganizationInput,
): Promise<OrganizationConnectionDto> {
  return (
    await call<{ connection: OrganizationConnectionDto }>('POST', '/api/organization/connections', {
      body: input,
      failureMessage: 'The organization could not be connected. Try again.',
    })
  ).connection;
}

export async function syncOrganization(organizationId: string): Promise<OrganizationConnectionDto> {
  return (
    await call<{ connection: OrganizationConnectionDto }>(
      'POST',
      `/api/organization/connections/${segment(organizationId)}/sync`,
    )
  ).connection;
}

export async function disconnectOrganization(organizationId: string): Promise<void> {
  await call('DELETE', `/api/organization/connections/${segment(organizationId)}`);
}
