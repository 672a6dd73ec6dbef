// Builds the app and runs the Playwright journeys on a fresh embedded database and on the fixture
// content (tests/fixtures/content; playwright.config.ts gives the servers the same folder).
// Extra arguments go to `playwright test` (e.g. a spec file). E2E_SKIP_BUILD=1 reuses the last build.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const dataDir = env.E2E_DATA_DIR ?? '.data-e2e';
// The demo server's database, and the Atlassian-configured server's (see e2e/support/servers.ts).
for (const dir of [dataDir, env.E2E_ATLASSIAN_DATA_DIR ?? `${dataDir}-atlassian`])
  rmSync(dir, { recursive: true, force: true });

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

// Thirty days of demo activity for the insights journey, seeded before any server opens the
// directory (PGlite allows one process per data directory).
const seedEnv = {
  ...env,
  GREENLIGHT_DATA_DIR: dataDir,
  GREENLIGHT_CONTENT_DIR: path.resolve('tests/fixtures/content'),
  DATABASE_URL: '',
};
const seeded = spawnSync('npm', ['run', '-s', 'db:seed', '--', '--demo-activity'], {
  stdio: 'inherit',
  env: seedEnv,
});
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

if (env.E2E_SKIP_BUILD !== '1') {
  // Built from the content the servers read, so the pages prerendered for signed-out readers are
  // served (a server on other content renders every page per request: lib/http/prerendered.ts).
  env.GREENLIGHT_CONTENT_DIR ??= path.resolve('tests/fixtures/content');
  const built = run('npm', ['run', '-s', 'build']);
  if (built !== 0) process.exit(built);
}
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
