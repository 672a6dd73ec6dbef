import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// Starts production servers of the app as child processes, the way an operator would, for tests and
// benchmarks that need real HTTP (replicas, the standalone build, load). Each caller picks its own port.

export interface AppServer {
  url: string;
  /** Everything the server printed so far, for a failing assertion's message. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartAppServerOptions {
  port: number;
  /** Build folder (GREENLIGHT_DIST_DIR); defaults to `.next`. */
  distDir?: string;
  /** `next start`, or `node <distDir>/standalone/server.js` (output: 'standalone'). */
  mode?: 'next-start' | 'standalone';
  /** The app's configuration; nothing else of the caller's environment reaches the server but PATH and HOME. */
  env: Record<string, string>;
  readyTimeoutMs?: number;
  /** Extra flags for node itself, e.g. ['--cpu-prof'] to profile the server. */
  nodeArgs?: string[];
}

const root = path.resolve(import.meta.dirname, '../..');

function childEnvironment(options: StartAppServerOptions, distDir: string): NodeJS.ProcessEnv {
  const inherited: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value) inherited[name] = value;
  }
  const env: Record<string, string> = {
    ...inherited,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    GREENLIGHT_DIST_DIR: distDir,
    PORT: String(options.port),
    HOSTNAME: '127.0.0.1',
    ...options.env,
  };
  return env as NodeJS.ProcessEnv;
}

function spawnServer(options: StartAppServerOptions, distDir: string): ChildProcess {
  const env = childEnvironment(options, distDir);
  if (options.mode === 'standalone') {
    return spawn(
      process.execPath,
      [...(options.nodeArgs ?? []), path.join(root, distDir, 'standalone', 'server.js')],
      { cwd: root, env },
    );
  }
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  return spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), nextBin, 'start', '-p', String(options.port), '-H', '127.0.0.1'],
    { cwd: root, env },
  );
}

export async function startAppServer(options: StartAppServerOptions): Promise<AppServer> {
  const distDir = options.distDir ?? '.next';
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawnServer(options, distDir);
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const server: AppServer = {
    url,
    output: () => printed,
    async stop() {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`server on ${url} exited before it was ready:\n${printed}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3_000) });
      if (response.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();
  throw new Error(`server on ${url} did not answer /api/health with 200 in time:\n${printed}`);
}
