import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed-demo';
import { setRateLimiterForTests } from '@/lib/http/rate-limit';
import { snapshotTables } from '@/tests/support/database-snapshot';
import { TEST_ORIGIN } from '@/tests/support/requests';
import { sessionCookieFor, type DemoUserKey } from '@/tests/support/session';

// Property tests: hostile and generated input at every method of every app/api/**/route.ts (found by
// walking the folder), signed out, as Nora (a plain member) and as Ada (an org admin). Whatever
// arrives, a route answers below 500, a 4xx is the JSON error shape, and a rejected request leaves
// every table exactly as it was. Fixed seed and few runs per route, so CI stays fast and a failure
// replays the same way.

const SEED = 20_250_607;
const RUNS_PER_ROUTE = 30;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const root = path.resolve(import.meta.dirname, '../..');

// next-auth's handler needs Next's request scope (it calls cookies()), so it is fuzzed against a
// real server instead: e2e/security.spec.ts.
const NEEDS_SERVER = /^app\/api\/auth\//;

function routeFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return routeFiles(relative);
    return entry.name === 'route.ts' ? [relative] : [];
  });
}

interface Segment {
  name: string;
  catchAll: boolean;
}

function dynamicSegments(file: string): Segment[] {
  return [...file.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((match) => ({
    name: match[2]!,
    catchAll: Boolean(match[1]),
  }));
}

function urlPath(file: string, params: Record<string, string | string[]>): string {
  return file
    .replace(/^app/, '')
    .replace(/\/route\.ts$/, '')
    .replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
      const value = params[name]!;
      return (Array.isArray(value) ? value : [value]).map((part) => encodeURIComponent(part)).join('/');
    });
}

// ---- hostile input ----

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const KNOWN_KEYS = [
  'siteId',
  'appId',
  'message',
  'decision',
  'reason',
  'slug',
  'helpful',
  'comment',
  'visitId',
  'events',
  'q',
  'product',
  'audience',
  'limit',
  'log',
  'status',
  'scope',
  'callbackUrl',
  'csrfToken',
  'email',
];
const KNOWN_IDS = [
  'site-acme',
  'site-globex',
  'site-acme-sandbox',
  'app-docuflow',
  'app-timesheets',
  'app-roadmap',
  '00000000-0000-4000-8000-000000000000',
];

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '%',
    '%00',
    '../../etc/passwd',
    "'; drop table users; --",
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '//evil.example',
    '\u202Egnp.exe',
    'Ω≈ç√∫˜µ≤≥÷',
    '👩‍👩‍👧‍👦',
    'NaN',
    '-1',
    '1e309',
    'null',
    ...POLLUTION_KEYS,
    ...KNOWN_IDS,
  ),
  fc.integer({ min: 1_000, max: 70_000 }).map((length) => 'x'.repeat(length)),
);

const hostileKey = fc.oneof(fc.constantFrom(...POLLUTION_KEYS, ...KNOWN_KEYS), fc.string({ maxLength: 12 }));

const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 5 }),
  ),
}));

/** JSON nested far deeper than any schema: parsers and validators must not fall over. */
const deepNesting = fc
  .integer({ min: 100, max: 5_000 })
  .map((depth) => '['.repeat(depth) + ']'.repeat(depth));

const rawBody = fc.oneof(
  hostileValue.map((value) => JSON.stringify(value) ?? 'null'),
  // Plausible bodies with one field wrong, so validation is reached past the first check.
  fc
    .dictionary(fc.constantFrom(...KNOWN_KEYS, ...POLLUTION_KEYS), hostileValue, { maxKeys: 4 })
    .map((value) => JSON.stringify(value)),
  deepNesting,
  fc.constantFrom(
    '{"__proto__":{"isAdmin":true,"polluted":1},"siteId":"site-acme","appId":"app-docuflow"}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"siteId":"site-acme","appId":"app-docuflow","message":{"toString":"x"}}',
    '{"decision":"approve","reason":["a"]}',
    '{',
    '',
    'null',
    '[]',
    '"just a string"',
    '\uFEFF{}',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const query = fc.dictionary(hostileKey, hostileString, { maxKeys: 4 });

function paramsArbitrary(segments: Segment[]): fc.Arbitrary<Record<string, string | string[]>> {
  const entries = Object.fromEntries(
    segments.map((segment) => [
      segment.name,
      segment.catchAll
        ? fc.array(
            fc.oneof(
              fc.constantFrom(
                'signin',
                'session',
                'csrf',
                'providers',
                'callback',
                'signout',
                'demo',
                'atlassian',
                'error',
              ),
              hostileString,
            ),
            {
              minLength: 1,
              maxLength: 3,
            },
          )
        : hostileString,
    ]),
  );
  return fc.record(entries) as fc.Arbitrary<Record<string, string | string[]>>;
}

// ---- the property ----

type Handler = (request: Request, segment?: { params?: Promise<unknown> }) => Promise<Response>;
const callers: (DemoUserKey | undefined)[] = [undefined, 'nora', 'ada'];
const cookies = new Map<DemoUserKey, string>();

async function send(
  handler: Handler,
  method: string,
  file: string,
  input: { params: Record<string, string | string[]>; query: Record<string, string>; body: string },
  as: DemoUserKey | undefined,
): Promise<Response> {
  const url = new URL(`${TEST_ORIGIN}${urlPath(file, input.params)}`);
  for (const [key, value] of Object.entries(input.query)) url.searchParams.append(key, value);
  const headers: Record<string, string> = { host: 'localhost:3000' };
  if (as) headers.cookie = cookies.get(as)!;
  const hasBody = method !== 'GET' && method !== 'HEAD';
  if (hasBody) {
    headers.origin = TEST_ORIGIN;
    headers['content-type'] = 'application/json';
  }
  // A NextRequest, as Next.js hands it over (next-auth reads nextUrl).
  const request = new NextRequest(url, { method, headers, body: hasBody ? input.body : undefined });
  return handler(request, { params: Promise.resolve(input.params) });
}

const files = routeFiles('app/api')
  .filter((file) => !NEEDS_SERVER.test(file))
  .sort();

describe('API fuzzing: hostile input never breaks a route', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openPglite(undefined);
    await seedDemo(handle.db);
    setDatabaseForTests(handle);
    // Rate limits would turn most runs into 429s and hide the handlers behind them.
    setRateLimiterForTests({ consume: async () => ({ allowed: true }) });
    for (const key of ['nora', 'ada'] as const) cookies.set(key, await sessionCookieFor(key));
  });
  afterAll(async () => {
    setRateLimiterForTests(undefined);
    setDatabaseForTests(undefined);
    await handle.close();
  });

  it('walks the API folder', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s', { timeout: 120_000 }, async (file) => {
    const routeModule = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    const methods = METHODS.filter((method) => typeof routeModule[method] === 'function');
    expect(methods.length).toBeGreaterThan(0);
    const input = fc.record({ params: paramsArbitrary(dynamicSegments(file)), query, body: rawBody });

    for (const method of methods) {
      for (const as of callers) {
        await fc.assert(
          fc.asyncProperty(input, async (generated) => {
            const before = await snapshotTables(handle.db);
            const response = await send(routeModule[method] as Handler, method, file, generated, as);
            const text = await response.text();
            const where = `${method} ${file} as ${as ?? 'signed out'} → ${response.status} ${text.slice(0, 200)}`;
            expect(response.status, where).toBeLessThan(500);
            if (response.status >= 400) {
              expect(response.headers.get('content-type'), where).toMatch(/^application\/json/);
              const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
              expect(Object.keys(body), where).toEqual(['error']);
              expect(typeof body.error?.code, where).toBe('string');
              expect(typeof body.error?.message, where).toBe('string');
            }
            if (response.status >= 400) {
              expect(await snapshotTables(handle.db), where).toEqual(before);
            } else {
              // A successful search is logged after the answer; let that write land before the next snapshot.
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
            expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
            expect(({} as Record<string, unknown>).isAdmin, 'Object.prototype was polluted').toBeUndefined();
          }),
          { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
      }
    }
  });
});
