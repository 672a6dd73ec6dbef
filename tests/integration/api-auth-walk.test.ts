import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { pgliteBackend } from '@/tests/support/test-database';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { callRoute } from '@/tests/support/call-route';

// Every route handler under app/api answers 401 to a signed-out caller, unless it is on this short
// list of deliberately public routes. A new route that forgets `access: 'signed-in'` fails here.
const PUBLIC_ROUTES: { pattern: RegExp; why: string }[] = [
  { pattern: /^app\/api\/health\/route\.ts$/, why: 'load balancer liveness' },
  { pattern: /^app\/api\/ping\/route\.ts$/, why: 'constant answer, the load benchmark baseline' },
  { pattern: /^app\/api\/feedback\/route\.ts$/, why: 'anonymous "was this helpful?" votes' },
  { pattern: /^app\/api\/search(\/.*)?\/route\.ts$/, why: 'help-article search is for everyone' },
  { pattern: /^app\/api\/auth\/\[\.\.\.nextauth\]\/route\.ts$/, why: 'sign-in itself' },
  { pattern: /^app\/api\/flows(\/.*)?\/events\/route\.ts$/, why: 'anonymous troubleshooter funnel events' },
  { pattern: /^app\/api\/flow-events\/route\.ts$/, why: 'anonymous troubleshooter funnel events' },
];

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const root = path.resolve(import.meta.dirname, '../..');

function routeFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return routeFiles(relative);
    return entry.name === 'route.ts' ? [relative] : [];
  });
}

const files = routeFiles('app/api').sort();
const protectedFiles = files.filter((file) => !PUBLIC_ROUTES.some((route) => route.pattern.test(file)));

function urlFor(file: string): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segments = file
    .replace(/^app/, '')
    .replace(/\/route\.ts$/, '')
    .split('/')
    .map((segment) => {
      const match = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment);
      if (!match) return segment;
      params[match[1]!] = '00000000-0000-4000-8000-000000000000';
      return params[match[1]!]!;
    });
  return { path: segments.join('/'), params };
}

describe('every non-public API handler answers 401 without a session', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await pgliteBackend.open();
    setDatabaseForTests(handle);
    setRateLimiterForTests(createMemoryRateLimiter());
  });
  afterAll(async () => {
    setDatabaseForTests(undefined);
    await handle.close();
  });

  it('finds the protected routes (the walk itself works)', () => {
    expect(protectedFiles).toEqual(
      expect.arrayContaining([
        'app/api/me/route.ts',
        'app/api/access-requests/route.ts',
        'app/api/access-requests/[id]/decision/route.ts',
        'app/api/sites/[siteId]/apps/[appId]/authorization/route.ts',
      ]),
    );
  });

  it.each(protectedFiles)('%s', async (file) => {
    const routeModule = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    const handlers = METHODS.filter((method) => typeof routeModule[method] === 'function');
    expect(handlers.length).toBeGreaterThan(0);
    const { path: urlPath, params } = urlFor(file);
    for (const method of handlers) {
      const response = await callRoute(routeModule[method], {
        method,
        path: urlPath,
        params,
        ...(method === 'GET' || method === 'HEAD' || method === 'DELETE' ? {} : { body: {} }),
      });
      expect({ method, status: response.status }).toEqual({ method, status: 401 });
    }
  });
});
