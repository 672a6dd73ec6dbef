import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A production build in a folder of the benchmark's own, so a benchmark never disturbs another
 * build (a running dev server, an e2e run). `next build` with another distDir adds that folder to
 * tsconfig.json's include list; the file is put back byte for byte afterwards.
 */
function buildForBenchmark(distDir: string): void {
  const tsconfigPath = path.join(root, 'tsconfig.json');
  const tsconfig = readFileSync(tsconfigPath);
  try {
    const result = spawnSync('npx', ['next', 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        GREENLIGHT_DIST_DIR: distDir,
        GREENLIGHT_SKIP_BUILD_TYPECHECK: '1',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    });
    if (result.status !== 0) throw new Error(`next build into ${distDir} failed`);
    // The script hashes of the pages prerendered for signed-out readers, as `npm run build` makes them.
    const hashed = spawnSync('npm', ['run', '-s', 'prerendered:csp'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, GREENLIGHT_DIST_DIR: distDir },
    });
    if (hashed.status !== 0) throw new Error(`the prerendered pages' manifest in ${distDir} failed`);
  } finally {
    writeFileSync(tsconfigPath, tsconfig);
  }
}

/** Builds unless asked to reuse a build that is there. */
export function ensureBuild(distDir: string, reuse: boolean): void {
  if (reuse && existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    console.error(`reusing the build in ${distDir}`);
    return;
  }
  buildForBenchmark(distDir);
}

/** One line on how busy the machine is, printed next to every figure. */
export function machineLoad(): string {
  const result = spawnSync('uptime', { encoding: 'utf8' });
  return result.stdout.trim();
}
