// Builds the app and runs the Playwright journeys on a fresh embedded database and on the fixture
// content (tests/fixtures/content; playwright.config.ts gives the servers the same folder).
// Extra arguments go to `playwright test` (e.g. a spec file). E2E_SKIP_BUILD=1 reuses the last build.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const dataDir = env.E2E_DATA_DIR ?? '.data-e2e';
// The demo servers' databases, and the Atlassian-configured server's (see e2e/support/servers.ts).
for (const dir of [
  dataDir,
  env.E2E_READER_DATA_DIR ?? `${dataDir}-reader`,
  env.E2E_ATLASSIAN_DATA_DIR ?? `${dataDir}-atlassian`,
])
  rmSync(dir, { recursive: true, force: true });

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
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
  // `npm run build`'s steps, with the pages prerendered from the content the servers read (the
  // fixtures), so the prerendered pages are served: a server on other content than its build's
  // renders every page per request (lib/http/prerendered.ts). The content check stays on the real
  // content, as in `npm run build`; the fixtures are test content, not articles to publish.
  // The demo server's address is the public URL the prerendered pages' hreflang links name.
  const fixtures = {
    GREENLIGHT_CONTENT_DIR: path.resolve('tests/fixtures/content'),
    NEXTAUTH_URL: `http://127.0.0.1:${env.E2E_PORT ?? 3100}`,
  };
  const built =
    run('npm', ['run', '-s', 'content:check']) ||
    run('npx', ['next', 'build'], fixtures) ||
    run('npm', ['run', '-s', 'prerendered:csp'], fixtures) ||
    run('node', ['scripts/prepare-standalone.mjs']);
  if (built !== 0) process.exit(built);
}
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
