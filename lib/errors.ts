// The one error type for expected failures, and the table of every code Greenlight answers with.
// Neutral on purpose: it imports nothing, so any layer (the Atlassian client, the policy, route
// handlers, pages) can throw an AppError without depending on the HTTP helpers.

/** Every error code and the HTTP status it is answered with. A code means one status, always. */
export const ERROR_STATUS = {
  // 400: the input cannot be used.
  bad_request: 400,
  invalid_input: 400,
  invalid_json: 400,
  unknown_article: 400,
  unknown_flow_event: 400,
  invalid_consent_url: 400,
  // An organization API key or org id that Atlassian refused while connecting (the admin's input).
  org_api_key_invalid: 400,
  org_api_forbidden: 400,
  org_api_org_not_found: 400,
  // 401: sign in (again).
  unauthorized: 401,
  session_expired: 401,
  invalid_grant: 401,
  atlassian_token_invalid: 401,
  // 403: may see it, may not do this.
  forbidden: 403,
  not_site_admin: 403,
  not_requester: 403,
  cross_site_request: 403,
  // 404: not there, or not the caller's to see (existence is never revealed).
  not_found: 404,
  method_not_allowed: 405,
  // 409: the state changed under the caller.
  conflict: 409,
  app_already_authorized: 409,
  request_not_open: 409,
  email_not_configured: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  // Upstream (Atlassian) failures: never Greenlight's own authorization, so the 5xx family.
  atlassian_scope_missing: 502,
  atlassian_unavailable: 502,
  atlassian_forbidden: 502,
  atlassian_not_found: 502,
  atlassian_unexpected_status: 502,
  atlassian_bad_response: 502,
  atlassian_client_invalid: 502,
  atlassian_rate_limited: 503,
  database_unavailable: 503,
  encryption_key_missing: 503,
  atlassian_timeout: 504,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type for expected failures: a stable code for programs, a message for people. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

/** True when the error is an AppError answered with one of `statuses`. */
export function isAppErrorWithStatus(error: unknown, ...statuses: number[]): error is AppError {
  return error instanceof AppError && statuses.includes(error.status);
}

/** The codes answered with status S, so a helper cannot pair a 403 with a 404 code. */
type CodeWithStatus<S extends number> = {
  [C in ErrorCode]: (typeof ERROR_STATUS)[C] extends S ? C : never;
}[ErrorCode];

export const badRequest = (message: string, code: CodeWithStatus<400> = 'bad_request') =>
  new AppError(code, message);
export const unauthorized = (message = 'Sign in to continue.') => new AppError('unauthorized', message);
export const forbidden = (message = 'You may not do this.', code: CodeWithStatus<403> = 'forbidden') =>
  new AppError(code, message);
export const notFound = (message = 'Not found.') => new AppError('not_found', message);
export const conflict = (message: string, code: CodeWithStatus<409> = 'conflict') =>
  new AppError(code, message);
