// Calls to Greenlight's own JSON API from the wizard's client islands.

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

export async function apiFetch<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      accept: 'application/json',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    credentials: 'same-origin',
  });
  const payload = (await response.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string };
  };
  if (!response.ok) {
    throw new ApiError(
      response.status,
      payload.error?.code ?? 'http_error',
      payload.error?.message ?? `The request failed (${response.status}).`,
    );
  }
  return payload as T;
}

/** An access request as the wizard uses it (a subset of the API's shape). */
export interface WizardAccessRequest {
  id: string;
  status: 'open' | 'approved' | 'denied' | 'withdrawn' | 'expired';
  reason?: string | null;
  decidedBy?: { name: string; email: string } | null;
  app?: { id: string };
  site?: { id: string };
}

// The API answers `{ request }` / `{ requests }`; a bare object or array is accepted too.
export const unwrapRequest = (body: unknown): WizardAccessRequest =>
  ((body as { request?: WizardAccessRequest }).request ?? body) as WizardAccessRequest;

export const unwrapRequests = (body: unknown): WizardAccessRequest[] => {
  const list = Array.isArray(body) ? body : (body as { requests?: unknown }).requests;
  return Array.isArray(list) ? (list as WizardAccessRequest[]) : [];
};

export function requestMessage({
  site,
  app,
  error,
}: {
  site?: string;
  app?: string;
  error?: string;
}): string {
  return [
    `Hi, could you authorize ${app ?? 'an app'} for ${site ?? 'our Atlassian site'}?`,
    '',
    'When I connect it, Atlassian shows:',
    `"${error ?? `Your site admin must authorize this app for the site ${site ?? '<site>'} before the app can access your account.`}"`,
    '',
    `Site: ${site ?? '(unknown)'}`,
    `App: ${app ?? '(unknown)'}`,
    '',
    'A site or organization admin can do it in Atlassian Administration: Apps → Sites → the site → Connected apps.',
    'Thank you!',
  ].join('\n');
}
