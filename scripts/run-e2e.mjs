// Builds the app and runs the Playwright journeys on a fresh embedded database.
// Extra arguments go to `playwright test` (e.g. a spec file). E2E_SKIP_BUILD=1 reuses the last build.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const dataDir = env.E2E_DATA_DIR ?? '.data-e2e';
rmSync(dataDir, { recursive: true, force: true });

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

if (env.E2E_SKIP_BUILD !== '1') {
  const built = run('npm', ['run', '-s', 'build']);
  if (built !== 0) process.exit(built);
}
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
