// The whole suite: unit and integration tests (Vitest), then browser journeys (Playwright).
// Prints one closing line "N passed, N failed" over every suite and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const reportDir = path.resolve('test-results', 'summary');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function run(command, args, extraEnv = {}) {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let anyFailure = false;

// Vitest: unit tests and integration tests on PGlite (and on PostgreSQL when TEST_DATABASE_URL is set).
const vitestReport = path.join(reportDir, 'vitest.json');
const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (vitestStatus !== 0 || !vitest) {
  anyFailure = true;
  if (!vitest) totals.failed += 1;
}

// Playwright: production build + browser journeys.
const playwrightReport = path.join(reportDir, 'playwright.json');
const e2eStatus = run('node', ['scripts/run-e2e.mjs'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
const playwright = existsSync(playwrightReport) ? readJson(playwrightReport) : undefined;
if (playwright?.stats) {
  totals.passed += playwright.stats.expected + (playwright.stats.flaky ?? 0);
  totals.failed += playwright.stats.unexpected;
  totals.skipped += playwright.stats.skipped;
}
if (e2eStatus !== 0 || !playwright) {
  anyFailure = true;
  if (!playwright?.stats?.unexpected) totals.failed += 1;
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(anyFailure || totals.failed > 0 ? 1 : 0);
