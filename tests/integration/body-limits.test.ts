import { beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import * as feedbackRoute from '@/app/api/feedback/route';
import * as authorizationRoute from '@/app/api/sites/[siteId]/apps/[appId]/authorization/route';
import { articleFeedback } from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { TEST_ORIGIN, readJson } from '@/tests/support/requests';
import { sessionCookieFor } from '@/tests/support/session';
import { openSuiteDatabase, pgliteBackend } from '@/tests/support/test-database';

// A JSON body is at most 64 KB. A bigger one is refused with 413 before it is read whole: on its
// Content-Length when it declares one, and otherwise after at most 64 KB of the stream.

const LIMIT = 64 * 1024;
const FIFTY_MB = 50 * 1024 * 1024;

/** A body produced on demand, 64 KB a pull, that counts how much of it the server read. */
function meteredBody(totalBytes: number) {
  const chunk = new TextEncoder().encode('{"slug":"' + 'x'.repeat(64 * 1024 - 9));
  const meter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (meter.pulled >= totalBytes) return controller.close();
      meter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, meter };
}

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`${TEST_ORIGIN}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, host: 'localhost:3000', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('request bodies are capped in bytes, while they are read', () => {
  const suite = openSuiteDatabase(pgliteBackend, { seed: seedDemo });
  beforeEach(() => setRateLimiterForTests(createMemoryRateLimiter()));

  it('a 50 MB streamed body is refused with 413 after reading no more than the limit and one chunk', async () => {
    const { stream, meter } = meteredBody(FIFTY_MB);
    const response = await feedbackRoute.POST(post(stream));
    expect(response.status).toBe(413);
    expect(await readJson(response)).toEqual({
      error: { code: 'body_too_large', message: expect.any(String) },
    });
    expect(meter.pulled).toBeLessThanOrEqual(LIMIT + 2 * 64 * 1024);
  });

  it('a declared Content-Length above the limit is refused before a byte is read', async () => {
    const { stream, meter } = meteredBody(FIFTY_MB);
    const response = await feedbackRoute.POST(post(stream, { 'content-length': String(FIFTY_MB) }));
    expect(response.status).toBe(413);
    expect(meter.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it('counts bytes, not characters: 30,000 three-byte characters (90 KB) are too large', async () => {
    const comment = '€'.repeat(30_000);
    const response = await feedbackRoute.POST(
      post(
        JSON.stringify({ slug: 'site-admin-must-authorize-app', helpful: false, reason: 'other', comment }),
      ),
    );
    expect(response.status).toBe(413);
    expect((await suite.db.select({ n: count() }).from(articleFeedback))[0]?.n).toBe(0);
  });

  it('an optional body (PUT) is capped the same way', async () => {
    const { stream, meter } = meteredBody(FIFTY_MB);
    const request = new Request(`${TEST_ORIGIN}/api/sites/site-acme/apps/app-docuflow/authorization`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        origin: TEST_ORIGIN,
        host: 'localhost:3000',
        cookie: await sessionCookieFor('ada'),
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await authorizationRoute.PUT(request, {
      params: Promise.resolve({ siteId: 'site-acme', appId: 'app-docuflow' }),
    });
    expect(response.status).toBe(413);
    expect(meter.pulled).toBeLessThanOrEqual(LIMIT + 2 * 64 * 1024);
  });

  it('a body within the limit, in many small chunks and with multi-byte characters, is read whole', async () => {
    const text = JSON.stringify({
      slug: 'site-admin-must-authorize-app',
      helpful: false,
      reason: 'other',
      comment: 'Schritt 3 ist unklar – ü€😀',
    });
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // One byte at a time: characters split across chunks must still decode.
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const response = await feedbackRoute.POST(post(stream));
    expect(response.status).toBe(201);
    const [stored] = await suite.db.select().from(articleFeedback);
    expect(stored?.comment).toBe('Schritt 3 ist unklar – ü€😀');
  });
});
