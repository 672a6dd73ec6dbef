import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  listNotifications,
  markNotificationsRead,
  searchSuggestions,
  setPreApproval,
} from './api-client';

const answer = (status: number, body: unknown) =>
  new Response(body === undefined ? '' : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

function stubFetch(response: Response | Error) {
  const fetch = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response.clone();
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it("hands the person the server's own message, with its code and status", async () => {
    stubFetch(
      answer(409, { error: { code: 'request_not_open', message: 'This request is already approved.' } }),
    );
    const failure = await markNotificationsRead({ all: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 409,
      code: 'request_not_open',
      message: 'This request is already approved.',
    });
  });

  it('says something useful when the server sends no message, or cannot be reached', async () => {
    stubFetch(answer(502, undefined));
    await expect(searchSuggestions('admin', 'en')).rejects.toMatchObject({
      message: 'Search is unavailable right now.',
    });
    stubFetch(new TypeError('Failed to fetch'));
    await expect(markNotificationsRead({ all: true })).rejects.toMatchObject({
      code: 'network_error',
      message: expect.stringMatching(/could not be reached/),
    });
  });

  it("asks search in the reader's language, leaving English as the default", async () => {
    const fetch = stubFetch(answer(200, { query: 'App', total: 0, facets: {}, results: [] }));
    await searchSuggestions('App entfernen', 'de');
    expect(fetch).toHaveBeenLastCalledWith(
      '/api/search?q=App+entfernen&limit=8&locale=de',
      expect.objectContaining({ method: 'GET' }),
    );
    await searchSuggestions('remove app', 'en');
    expect(fetch).toHaveBeenLastCalledWith('/api/search?q=remove+app&limit=8', expect.anything());
  });

  it('sends state changes as JSON from the same origin, and DELETE without a body', async () => {
    const fetch = stubFetch(answer(200, { preApproval: { approvedRequests: 2 } }));
    await setPreApproval('site-acme', 'app-roadmap', true);
    expect(fetch).toHaveBeenLastCalledWith(
      '/api/sites/site-acme/pre-approved-apps/app-roadmap',
      expect.objectContaining({
        method: 'PUT',
        credentials: 'same-origin',
        body: '{}',
        headers: expect.objectContaining({ 'content-type': 'application/json' }),
      }),
    );
    await setPreApproval('site-acme', 'app-roadmap', false);
    const [, init] = fetch.mock.lastCall as unknown as [string, RequestInit];
    expect(init).toMatchObject({ method: 'DELETE' });
    expect(init.body).toBeUndefined();
  });

  it('treats a signed-out notifications call as "no bell", and other failures as failures', async () => {
    stubFetch(answer(401, { error: { code: 'unauthorized', message: 'Sign in to continue.' } }));
    expect(await listNotifications('en')).toBeNull();
    stubFetch(answer(503, { error: { code: 'database_unavailable', message: 'Try again in a moment.' } }));
    await expect(listNotifications('ja')).rejects.toMatchObject({ status: 503 });
  });
});
