import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import * as accessRequestRoute from '@/app/api/access-requests/[id]/route';
import * as decisionRoute from '@/app/api/access-requests/[id]/decision/route';
import * as authorizationRoute from '@/app/api/sites/[siteId]/apps/[appId]/authorization/route';
import { accessRequests, siteAppStatus } from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import {
  createMemoryRateLimiter,
  createRedisRateLimiter,
  setRateLimiterForTests,
} from '@/lib/http/rate-limit';
import { openSuiteDatabase, pgliteBackend } from '@/tests/support/test-database';
import { callRoute, type RouteCall } from '@/tests/support/call-route';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('mutating routes refuse cross-site and non-JSON requests', () => {
  const suite = openSuiteDatabase(pgliteBackend, { seed: seedDemo });
  beforeEach(() => setRateLimiterForTests(createMemoryRateLimiter()));

  const id = '00000000-0000-4000-8000-000000000000';
  const routes: [string, unknown, Omit<RouteCall, 'as' | 'headers'>][] = [
    [
      'POST /api/access-requests',
      accessRequestsRoute.POST,
      { method: 'POST', path: '/api/access-requests', body: { siteId: 'site-acme', appId: 'app-docuflow' } },
    ],
    [
      'POST .../decision',
      decisionRoute.POST,
      {
        method: 'POST',
        path: `/api/access-requests/${id}/decision`,
        params: { id },
        body: { decision: 'approve' },
      },
    ],
    [
      'PUT .../authorization',
      authorizationRoute.PUT,
      {
        method: 'PUT',
        path: '/api/sites/site-acme/apps/app-docuflow/authorization',
        params: { siteId: 'site-acme', appId: 'app-docuflow' },
        body: {},
      },
    ],
    [
      'DELETE .../authorization',
      authorizationRoute.DELETE,
      {
        method: 'DELETE',
        path: '/api/sites/site-acme/apps/app-timesheets/authorization',
        params: { siteId: 'site-acme', appId: 'app-timesheets' },
      },
    ],
    [
      'DELETE /api/access-requests/{id}',
      accessRequestRoute.DELETE,
      { method: 'DELETE', path: `/api/access-requests/${id}`, params: { id } },
    ],
  ];

  it.each(routes)('%s: Sec-Fetch-Site cross-site → 403', async (_label, handler, call) => {
    const response = await callRoute(handler, {
      ...call,
      as: 'ada',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('cross_site_request');
  });

  it.each(routes)('%s: foreign Origin → 403', async (_label, handler, call) => {
    const response = await callRoute(handler, {
      ...call,
      as: 'ada',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
  });

  it.each(routes.filter(([, , call]) => call.method !== 'DELETE'))(
    '%s: text/plain → 415',
    async (_label, handler, call) => {
      const response = await callRoute(handler, {
        ...call,
        as: 'ada',
        headers: { 'content-type': 'text/plain' },
      });
      expect(response.status).toBe(415);
    },
  );

  it('nothing was changed by the refused requests', async () => {
    expect(await suite.db.select().from(accessRequests)).toEqual([]);
    const statuses = await suite.db.select().from(siteAppStatus);
    expect(statuses.every((row) => row.status === 'authorized')).toBe(true);
  });
});

describe('rate limits per signed-in user on the real Redis', () => {
  let redis: Redis;
  openSuiteDatabase(pgliteBackend, { seed: seedDemo });
  const prefix = `gl:test:${randomUUID()}`;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    await redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('answers 429 with Retry-After after 10 creates a minute, counted per user in Redis', async () => {
    setRateLimiterForTests(createRedisRateLimiter(redis, prefix));
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i++) {
      const response = await callRoute(accessRequestsRoute.POST, {
        method: 'POST',
        path: '/api/access-requests',
        body: { siteId: 'site-acme', appId: 'app-docuflow' },
        as: 'nora',
      });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get('retry-after');
        expect(await response.json()).toEqual({
          error: { code: 'rate_limited', message: expect.any(String) },
        });
      }
    }
    expect(statuses.slice(0, 10).every((status) => status === 201 || status === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(await redis.get(`${prefix}:access-requests-create:user:user-nora`)).toBe('12');

    // Another user has their own budget, even from the same address.
    const sam = await callRoute(accessRequestsRoute.POST, {
      method: 'POST',
      path: '/api/access-requests',
      body: { siteId: 'site-acme', appId: 'app-docuflow' },
      as: 'sam',
    });
    expect(sam.status).toBe(201);
  });

  it('shares the count between two limiter instances (two replicas)', async () => {
    const replicaA = createRedisRateLimiter(redis, `${prefix}:shared`);
    const replicaB = createRedisRateLimiter(redis, `${prefix}:shared`);
    const rule = { name: 'replicas', points: 3, durationSeconds: 60 };
    const results = [
      await replicaA.consume(rule, 'user:x'),
      await replicaB.consume(rule, 'user:x'),
      await replicaA.consume(rule, 'user:x'),
      await replicaB.consume(rule, 'user:x'),
    ];
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
  });
});
