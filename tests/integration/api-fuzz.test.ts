import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decisionRoute from '@/app/api/access-requests/[id]/decision/route';
import * as decisionsRoute from '@/app/api/access-requests/decisions/route';
import * as accessRequestsRoute from '@/app/api/access-requests/route';
import * as feedbackRoute from '@/app/api/feedback/route';
import * as searchEventsRoute from '@/app/api/search/events/route';
import { setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { accessRequests, articleFeedback, searchLog } from '@/lib/db/schema';
import { seedDemo } from '@/lib/demo/seed-demo';
import { setRateLimiterForTests } from '@/lib/http/rate-limit';
import { callRoute } from '@/tests/support/call-route';
import { snapshotTables } from '@/tests/support/database-snapshot';
import { TEST_ORIGIN } from '@/tests/support/requests';
import { sessionCookieFor, type DemoUserKey } from '@/tests/support/session';
import { pgliteBackend, testBackends } from '@/tests/support/test-database';

// Property tests: hostile and generated input at every method of every app/api/**/route.ts (found by
// walking the folder), signed out, as Nora (a plain member) and as Ada (an org admin). Whatever
// arrives, a route answers below 500, a 4xx is the JSON error shape, and a rejected request leaves
// every table exactly as it was. Fixed seed and few runs per route, so CI stays fast and a failure
// replays the same way.

const SEED = 20_250_607;
const RUNS_PER_ROUTE = 20;
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
    handle = await pgliteBackend.open();
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

// ---- control characters in every free-text field ----

/** What people paste: NUL, escape sequences, other C0 and C1 controls, DEL, CR, lone surrogates. */
const CONTROL_TEXTS = [
  '\u0000',
  'a\u0000b',
  'before\u0000after and more',
  '\u001b[31mred\u001b[0m',
  'bell\u0007 backspace\u0008 vertical\u000b form\u000c',
  'del\u007f next-line\u0085 csi\u009b',
  'line one\r\nline two\rthree',
  'lone \uD800 surrogate',
];
const ALLOWED_CONTROLS = /[\n\t]/g;
const hasControl = (value: string) =>
  /[\u0000-\u001f\u007f-\u009f]/.test(value.replace(ALLOWED_CONTROLS, '')) ||
  /[\uD800-\uDFFF]/.test(value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));

interface FreeTextField {
  label: string;
  /** Sends the request with `text` in the field; returns the answer. */
  send(text: string): Promise<Response>;
  /** The value stored for the field after a successful request. */
  stored(): Promise<string | null | undefined>;
}

describe.each(testBackends())('control characters in every free-text field on $name', (backend) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await backend.open();
    setDatabaseForTests(handle);
    setRateLimiterForTests({ consume: async () => ({ allowed: true }) });
  });
  afterAll(async () => {
    setRateLimiterForTests(undefined);
    setDatabaseForTests(undefined);
    await handle.close();
  });

  const reset = async () => {
    await handle.db.execute(
      sql`truncate access_requests, notification_outbox, audit_log, site_app_status, pre_approved_apps, article_feedback, search_log cascade`,
    );
    await seedDemo(handle.db);
  };
  const openRequest = async () => {
    const [row] = await handle.db
      .insert(accessRequests)
      .values({ requesterId: 'user-nora', siteId: 'site-acme', appId: 'app-docuflow' })
      .returning({ id: accessRequests.id });
    return row!.id;
  };
  const only = async <T>(rows: Promise<T[]>) => (await rows)[0];

  const fields: FreeTextField[] = [
    {
      label: 'access request message (POST /api/access-requests)',
      send: (text) =>
        callRoute(accessRequestsRoute.POST, {
          method: 'POST',
          path: '/api/access-requests',
          body: { siteId: 'site-acme', appId: 'app-docuflow', message: text },
          as: 'nora',
        }),
      stored: async () => (await only(handle.db.select().from(accessRequests)))?.message,
    },
    {
      label: 'deny reason (POST /api/access-requests/{id}/decision)',
      send: async (text) => {
        const id = await openRequest();
        return callRoute(decisionRoute.POST, {
          method: 'POST',
          path: `/api/access-requests/${id}/decision`,
          params: { id },
          body: { decision: 'deny', reason: text },
          as: 'ada',
        });
      },
      stored: async () => (await only(handle.db.select().from(accessRequests)))?.decisionReason,
    },
    {
      label: 'bulk deny reason (POST /api/access-requests/decisions)',
      send: async (text) =>
        callRoute(decisionsRoute.POST, {
          method: 'POST',
          path: '/api/access-requests/decisions',
          body: { ids: [await openRequest()], decision: 'deny', reason: text },
          as: 'ada',
        }),
      stored: async () => (await only(handle.db.select().from(accessRequests)))?.decisionReason,
    },
    {
      label: 'feedback comment (POST /api/feedback)',
      send: (text) =>
        callRoute(feedbackRoute.POST, {
          method: 'POST',
          path: '/api/feedback',
          body: { slug: 'site-admin-must-authorize-app', helpful: false, reason: 'other', comment: text },
        }),
      stored: async () => (await only(handle.db.select().from(articleFeedback)))?.comment,
    },
    {
      label: 'search query (POST /api/search/events)',
      send: (text) =>
        callRoute(searchEventsRoute.POST, {
          method: 'POST',
          path: '/api/search/events',
          body: { kind: 'search', q: `admin ${text}` },
        }),
      stored: async () => (await only(handle.db.select().from(searchLog)))?.query,
    },
  ];

  it.each(
    fields.flatMap((field) =>
      CONTROL_TEXTS.map((text) => [field.label, JSON.stringify(text), field, text] as const),
    ),
  )('%s with %s: stored without control characters, never a 500', async (_label, _shown, field, text) => {
    await reset();
    const response = await field.send(text);
    const where = `${field.label} ${JSON.stringify(text)} → ${response.status}`;
    expect(response.status, where).toBeLessThan(500);
    if (response.status >= 400) {
      expect(await response.json(), where).toEqual({
        error: { code: expect.any(String), message: expect.any(String) },
      });
      return;
    }
    const stored = await field.stored();
    expect(
      stored === null || stored === undefined || !hasControl(stored),
      `${where}: stored ${JSON.stringify(stored)}`,
    ).toBe(true);
  });
});
