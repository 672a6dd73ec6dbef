import { describe, expect, it } from 'vitest';
import * as authRoute from '@/app/api/auth/[...nextauth]/route';
import { TEST_ORIGIN } from '@/tests/support/requests';

// next-auth throws (500) on a GET to a credentials provider's callback; the route answers it.
describe('GET /api/auth/callback/demo', () => {
  it('answers 405 with the JSON error shape, not a server error', async () => {
    const request = new Request(`${TEST_ORIGIN}/api/auth/callback/demo?callbackUrl=%2F%2Fevil.example`, {
      headers: { host: 'localhost:3000' },
    });
    const response = await authRoute.GET(request, {
      params: Promise.resolve({ nextauth: ['callback', 'demo'] }),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({
      error: { code: 'method_not_allowed', message: expect.any(String) },
    });
  });
});
