/** Builds requests the way a browser on the app's own origin sends them. */
export const TEST_ORIGIN = 'http://localhost:3000';

export function jsonRequest(
  path: string,
  body: unknown,
  init: { method?: string; headers?: Record<string, string> } = {},
) {
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: init.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      origin: TEST_ORIGIN,
      host: 'localhost:3000',
      ...init.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function getRequest(path: string, headers: Record<string, string> = {}) {
  return new Request(`${TEST_ORIGIN}${path}`, { headers: { host: 'localhost:3000', ...headers } });
}

export async function readJson(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
