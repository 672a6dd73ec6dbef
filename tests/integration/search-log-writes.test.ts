import { beforeEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/search/route';
import SearchPage from '@/app/[locale]/search/page';
import { searchLog } from '@/lib/db/schema';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { getRequest } from '@/tests/support/requests';
import { openSuiteDatabase, pgliteBackend } from '@/tests/support/test-database';

// A GET never changes state: a cross-site <img src="/search?q=…"> or a crawler following links
// must plant nothing in "Top searches" or "Content gaps". Searches are logged by a POST the
// results page and the search box send (tests/integration/search-events-api.test.ts).

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('searching by GET writes nothing', () => {
  const suite = openSuiteDatabase(pgliteBackend);
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await suite.db.delete(searchLog);
  });

  it('GET /api/search answers without logging the query', async () => {
    for (const query of ['q=buy+cheap+pills', 'q=buy+cheap+pills&limit=1', 'q=no+such+thing+zzzz'])
      expect((await GET(getRequest(`/api/search?${query}`))).status).toBe(200);
    await settle();
    expect(await suite.db.select().from(searchLog)).toEqual([]);
  });

  it('rendering /search?q= shows results without logging the query', async () => {
    const page = await SearchPage({
      params: Promise.resolve({ locale: 'en' }),
      searchParams: Promise.resolve({ q: 'buy cheap pills' }),
    });
    expect(page).toBeTruthy();
    await settle();
    expect(await suite.db.select().from(searchLog)).toEqual([]);
  });
});
