import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/search/route';
import { setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { pgliteBackend } from '@/tests/support/test-database';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { getRequest, readJson } from '@/tests/support/requests';

const SEED_ERROR =
  'Your site admin must authorize this app for the site acme.atlassian.net before the app can access your account.';

async function search(query: Record<string, string>) {
  const response = await GET(getRequest(`/api/search?${new URLSearchParams(query).toString()}`));
  return { status: response.status, body: await readJson(response) };
}

describe('GET /api/search', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await pgliteBackend.open();
    setDatabaseForTests(handle);
  });
  afterAll(async () => {
    setDatabaseForTests(undefined);
    await handle.close();
  });
  beforeEach(() => setRateLimiterForTests(createMemoryRateLimiter()));

  it('answers with ranked results, facets and the documented fields', async () => {
    const { status, body } = await search({ q: 'connected apps page' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      query: 'connected apps page',
      total: expect.any(Number),
      facets: { product: expect.any(Object), audience: expect.any(Object) },
    });
    const results = body.results as Array<Record<string, unknown>>;
    expect(results.length).toBeGreaterThan(0);
    expect(Object.keys(results[0]!).sort()).toEqual(
      ['locale', 'product', 'products', 'score', 'slug', 'snippet', 'summary', 'title', 'url'].sort(),
    );
    expect(results[0]!.url).toBe(`/articles/${results[0]!.slug}`);
  });

  it('recognises the pasted seed error, puts its article first and captures the site', async () => {
    const { body } = await search({
      q: `Error in Timesheets Pro: "${SEED_ERROR}" (code 403) user nora@acme.test`,
    });
    expect(body.signature).toMatchObject({
      slug: 'site-admin-must-authorize-app',
      captures: { site: 'acme.atlassian.net' },
      troubleshooterUrl: '/troubleshoot/authorize-app?site=acme.atlassian.net',
    });
    expect((body.results as Array<{ slug: string }>)[0]!.slug).toBe('site-admin-must-authorize-app');
  });

  it('keeps a query with markup inert in snippets', async () => {
    const { status, body } = await search({ q: '<script>alert(1)</script> admin' });
    expect(status).toBe(200);
    expect(JSON.stringify(body.results)).not.toMatch(/<script|<img/i);
  });

  it.each([
    ['an empty query', { q: '   ' }],
    ['a query over 200 characters', { q: 'a'.repeat(201) }],
    ['a limit of 0', { q: 'app', limit: '0' }],
    ['a limit of 51', { q: 'app', limit: '51' }],
    ['a limit that is not a number', { q: 'app', limit: 'ten' }],
    ['an unknown product', { q: 'app', product: 'bitbucket' }],
    ['an unknown audience', { q: 'app', audience: 'manager' }],
    ['an unknown parameter', { q: 'app', sort: 'date' }],
    ['an unknown language', { q: 'app', locale: 'fr' }],
  ])('rejects %s with 400 and the JSON error shape', async (_label, query) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'invalid_input', message: expect.any(String) } });
  });

  it("answers in the reader's language first, English for articles not translated", async () => {
    const { status, body } = await search({ q: 'App deinstallieren widerrufen', locale: 'de' });
    expect(status).toBe(200);
    const results = body.results as Array<{ slug: string; url: string; locale: string }>;
    expect(results[0]).toMatchObject({
      slug: 'revoke-an-app',
      url: '/de/articles/revoke-an-app',
      locale: 'de',
    });
    // The same query without a language is English: no German article, no German address.
    const english = (await search({ q: 'App deinstallieren widerrufen' })).body.results as typeof results;
    expect(english.every((result) => result.locale === 'en' && !result.url.startsWith('/de/'))).toBe(true);
    // An English query on a German page still finds the English-only article, in English.
    const fallback = (await search({ q: 'signed in with the wrong account', locale: 'de' })).body
      .results as typeof results;
    expect(fallback.find((result) => result.slug === 'signed-in-with-wrong-account')).toMatchObject({
      locale: 'en',
      url: '/articles/signed-in-with-wrong-account',
    });
  });

  it('filters by product', async () => {
    const { body } = await search({ q: 'admin', product: 'confluence', limit: '50' });
    for (const result of body.results as Array<{ products: string[] }>) {
      expect(result.products.some((p) => p === 'confluence' || p === 'all')).toBe(true);
    }
  });
});
