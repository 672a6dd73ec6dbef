import { beforeEach, describe, expect, it } from 'vitest';
import * as feedbackRoute from '@/app/api/feedback/route';
import * as flowEventsRoute from '@/app/api/flows/events/route';
import * as searchRoute from '@/app/api/search/route';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { callRoute, type RouteCall } from '@/tests/support/call-route';
import { openSuiteDatabase, pgliteBackend } from '@/tests/support/test-database';

// Anonymous routes count their limit per client address. A client that sends a new
// X-Forwarded-For on every request must still run into the limit: the header is the client's to
// write, unless a proxy Greenlight was told to trust (TRUSTED_PROXY_HOPS) wrote it.

const VISIT = '7b0c3f0e-2f5e-4d0a-9a43-2f0f1a0b0c0d';

const anonymousRoutes: [string, unknown, RouteCall][] = [
  [
    'POST /api/feedback',
    feedbackRoute.POST,
    {
      method: 'POST',
      path: '/api/feedback',
      body: { slug: 'site-admin-must-authorize-app', helpful: true },
    },
  ],
  [
    'POST /api/flows/events',
    flowEventsRoute.POST,
    {
      method: 'POST',
      path: '/api/flows/events',
      body: { visitId: VISIT, events: [{ flow: 'authorize-app', node: 'start', kind: 'node_shown' }] },
    },
  ],
  ['GET /api/search', searchRoute.GET, { method: 'GET', path: '/api/search?q=authorize' }],
];

describe('rate limits ignore an X-Forwarded-For the client wrote', () => {
  openSuiteDatabase(pgliteBackend);
  beforeEach(() => setRateLimiterForTests(createMemoryRateLimiter()));

  it.each(anonymousRoutes)(
    '%s: 200 requests with rotating X-Forwarded-For get 429s',
    async (_l, handler, call) => {
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) {
        const spoofed = `203.0.113.${i % 250}, 198.51.100.${(i * 7) % 250}`;
        const response = await callRoute(handler, { ...call, headers: { 'x-forwarded-for': spoofed } });
        statuses.push(response.status);
      }
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      expect(statuses.filter((status) => status !== 429).length).toBeLessThanOrEqual(120);
    },
  );
});
