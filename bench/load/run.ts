// npm run bench:load – autocannon against `next start` of a production build on PostgreSQL and
// Redis. Each route first gets a burst of new connections at once (one request each), then a
// warm-up, then the measured run. Prints each route's requests/s and p99 as ratios to a constant
// route (/api/ping) measured in the same run, errors and timeouts, then every target as pass or
// miss, and exits non-zero when one is missed. Flags: --duration 20 --connections 100 --warmup 3
// --burst 100 (0: none) --dist-dir .next-bench --reuse-build --port 3720 (or BENCH_LOAD_PORT)
// --only <route substring> --cpu-prof <dir> (profiles the server; written when it stops).
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startAppServer, type AppServer } from '@/tests/support/app-server';
import { signInWithDemoAccount } from '@/tests/support/demo-sign-in';
import { createFreshDatabase, seedDemoDatabase, type FreshDatabase } from '@/tests/support/fresh-postgres';
import { ensureBuild, machineLoad } from '../support/production-build';
import { burst } from './burst';
import { BASELINE_ROUTE, loadScenarios, type LoadScenario } from './scenarios';
import {
  checkTargets,
  figuresFrom,
  formatBurstTable,
  formatLoadTable,
  formatTargetChecks,
  type AutocannonResult,
  type BurstFigures,
  type RouteFigures,
} from './stats';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '3' },
    'dist-dir': { type: 'string', default: '.next-bench' },
    'reuse-build': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.BENCH_LOAD_PORT ?? '3720' },
    burst: { type: 'string', default: '100' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});

const duration = Number(flags.duration);
const connections = Number(flags.connections);
const warmup = Number(flags.warmup);
const burstConnections = Number(flags.burst);
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Searches and /api/me are counted per address and per user; one benchmark client is one address
// and one user, so every allowance is multiplied rather than switched off (the Redis round trip stays).
const RATE_LIMIT_MULTIPLIER = '100000';

async function fire(baseUrl: string, scenario: LoadScenario, seconds: number): Promise<AutocannonResult> {
  return (await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: scenario.requests.map((request) => ({
      method: 'GET',
      path: request.path,
      headers: request.headers,
    })),
  })) as unknown as AutocannonResult;
}

async function main(): Promise<void> {
  ensureBuild(flags['dist-dir'], flags['reuse-build']);
  let database: FreshDatabase | undefined;
  let server: AppServer | undefined;
  try {
    database = await createFreshDatabase('gl_bench_load');
    seedDemoDatabase(database.url);
    const port = Number(flags.port);
    server = await startAppServer({
      port,
      distDir: flags['dist-dir'],
      nodeArgs: flags['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${flags['cpu-prof']}`] : [],
      env: {
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        RATE_LIMIT_PREFIX: `gl:bench:${process.pid}`,
        RATE_LIMIT_MULTIPLIER,
        GREENLIGHT_DEMO: '1',
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXTAUTH_SECRET: 'bench-secret-not-for-production-0123456789',
        LOG_LEVEL: 'warn',
      },
    });
    const cookie = await signInWithDemoAccount(server.url, 'ada@acme.test');
    const scenarios = loadScenarios(cookie).filter(
      (scenario) => !flags.only || scenario.route.includes(flags.only) || scenario.route.startsWith('ping'),
    );

    const figures: RouteFigures[] = [];
    const bursts: BurstFigures[] = [];
    for (const scenario of scenarios) {
      if (burstConnections > 0) {
        const figure = await burst(server.url, scenario.route, scenario.requests, burstConnections);
        console.error(
          `${scenario.route}: burst of ${burstConnections}, slowest ${Math.round(figure.maxMs)} ms`,
        );
        bursts.push(figure);
      }
      if (warmup > 0) await fire(server.url, scenario, warmup);
      const figure = figuresFrom(scenario.route, await fire(server.url, scenario, duration));
      console.error(
        `${scenario.route}: ${figure.requestsPerSecond.toFixed(0)} req/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms`,
      );
      figures.push(figure);
    }

    console.log(
      `\n${connections} connections, ${duration} s per route after ${warmup} s of warm-up; ${machineLoad()}\n`,
    );
    console.log(formatLoadTable(figures, BASELINE_ROUTE));
    if (bursts.length > 0)
      console.log(
        `\nFirst requests of new connections, before each route's warm-up:\n\n${formatBurstTable(bursts)}`,
      );
    const checks = checkTargets(figures, scenarios, BASELINE_ROUTE, bursts);
    console.log(`\nTargets (issue 15):\n${formatTargetChecks(checks)}`);
    const missed = checks.filter((check) => !check.pass).length;
    console.log(
      missed > 0 ? `\n${missed} of ${checks.length} targets missed.` : `\nAll ${checks.length} targets met.`,
    );
    if (missed > 0) process.exitCode = 1;
  } finally {
    await server?.stop();
    await database?.drop();
  }
}

await main();
