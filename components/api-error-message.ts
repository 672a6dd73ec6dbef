import { ApiError } from './api-client';

// The codes whose meaning a person can act on, each with its message in the catalogs (Errors).
// The server keeps answering `{ error: { code, message } }` in English for programs; the screen
// says the same in the reader's language. Written out as full paths so `npm run lint` sees them.
const MESSAGE_KEYS = {
  network_error: 'Errors.network_error',
  unauthorized: 'Errors.unauthorized',
  session_expired: 'Errors.session_expired',
  forbidden: 'Errors.forbidden',
  not_site_admin: 'Errors.not_site_admin',
  cross_site_request: 'Errors.cross_site_request',
  not_found: 'Errors.not_found',
  invalid_input: 'Errors.invalid_input',
  bad_request: 'Errors.invalid_input',
  conflict: 'Errors.conflict',
  rate_limited: 'Errors.rate_limited',
  email_not_configured: 'Errors.email_not_configured',
  encryption_key_missing: 'Errors.encryption_key_missing',
  org_api_key_invalid: 'Errors.org_api_key_invalid',
  org_api_forbidden: 'Errors.org_api_forbidden',
  org_api_org_not_found: 'Errors.org_api_org_not_found',
  atlassian_timeout: 'Errors.atlassian_unavailable',
  atlassian_unavailable: 'Errors.atlassian_unavailable',
  atlassian_rate_limited: 'Errors.atlassian_unavailable',
  database_unavailable: 'Errors.unavailable',
  internal_error: 'Errors.internal_error',
} as const satisfies Record<string, `Errors.${string}`>;

/**
 * The catalog key of what to tell a person whose call failed: the message for the error's code, or
 * `fallback` (what the action was, e.g. 'Errors.changeFailed') for a code without one of its own.
 */
export function apiErrorMessageKey(failure: unknown, fallback: string): string {
  if (failure instanceof ApiError && Object.hasOwn(MESSAGE_KEYS, failure.code))
    return MESSAGE_KEYS[failure.code as keyof typeof MESSAGE_KEYS];
  return fallback;
}
