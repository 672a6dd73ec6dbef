import { beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { POST } from '@/app/api/feedback/route';
import { articleFeedback } from '@/lib/db/schema';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { jsonRequest, readJson } from '@/tests/support/requests';
import { testBackends, openSuiteDatabase } from '@/tests/support/test-database';

const SLUG = 'site-admin-must-authorize-app';

describe.each(testBackends())('POST /api/feedback on $name', (backend) => {
  const suite = openSuiteDatabase(backend);
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await suite.db.delete(articleFeedback);
  });

  const rows = async () => (await suite.db.select({ n: count() }).from(articleFeedback))[0]?.n;

  it('stores a No vote with a reason and comment, and sets an anonymous visitor cookie', async () => {
    const response = await POST(
      jsonRequest('/api/feedback', {
        slug: SLUG,
        helpful: false,
        reason: 'hard-to-follow',
        comment: 'Step 3 is unclear',
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/gl_vid=[0-9a-f-]{36}; .*HttpOnly; SameSite=Lax/);
    const stored = await suite.db.select().from(articleFeedback);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      articleSlug: SLUG,
      helpful: false,
      reason: 'hard-to-follow',
      comment: 'Step 3 is unclear',
    });
  });

  it('replaces the first vote when the same visitor votes again', async () => {
    const first = await POST(jsonRequest('/api/feedback', { slug: SLUG, helpful: true }));
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const second = await POST(
      jsonRequest(
        '/api/feedback',
        { slug: SLUG, helpful: false, reason: 'inaccurate' },
        { headers: { cookie } },
      ),
    );
    expect(second.status).toBe(200);
    expect(second.headers.get('set-cookie')).toBeNull();
    const stored = await suite.db.select().from(articleFeedback);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ helpful: false, reason: 'inaccurate' });
  });

  it.each([
    ['an unknown article', { slug: 'no-such-article', helpful: true }, 'unknown_article'],
    ['a missing vote', { slug: SLUG }, 'invalid_input'],
    [
      'a No without a reason but with a comment',
      { slug: SLUG, helpful: false, comment: 'x' },
      'invalid_input',
    ],
    [
      'a comment over 1,000 characters',
      { slug: SLUG, helpful: false, reason: 'other', comment: 'x'.repeat(1001) },
      'invalid_input',
    ],
    ['an unknown reason', { slug: SLUG, helpful: false, reason: 'boring' }, 'invalid_input'],
    ['an extra field', { slug: SLUG, helpful: true, admin: true }, 'invalid_input'],
  ])('rejects %s with 400 and stores nothing', async (_label, body, code) => {
    await POST(jsonRequest('/api/feedback', { slug: SLUG, helpful: true }));
    const response = await POST(jsonRequest('/api/feedback', body));
    expect(response.status).toBe(400);
    const payload = await readJson(response);
    expect(payload).toEqual({ error: { code, message: expect.any(String) } });
    expect(await rows()).toBe(1);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await POST(jsonRequest('/api/feedback', '{"slug":'));
    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toMatchObject({ code: 'invalid_json' });
  });

  it('refuses text/plain with 415 and a cross-site request with 403', async () => {
    const plain = await POST(
      jsonRequest(
        '/api/feedback',
        { slug: SLUG, helpful: true },
        { headers: { 'content-type': 'text/plain' } },
      ),
    );
    expect(plain.status).toBe(415);
    const crossSite = await POST(
      jsonRequest(
        '/api/feedback',
        { slug: SLUG, helpful: true },
        { headers: { origin: 'https://evil.example' } },
      ),
    );
    expect(crossSite.status).toBe(403);
    expect(await rows()).toBe(0);
  });

  it('rate limits a visitor who votes too often', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await POST(jsonRequest('/api/feedback', { slug: SLUG, helpful: i % 2 === 0 }));
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});
