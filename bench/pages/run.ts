// npm run bench:pages – first-load JavaScript (gzip) and Lighthouse scores of the home, article,
// search and troubleshooter pages, served by `next start` of a production build, measured in Debian's
// Chromium. Exits non-zero when a target is missed. Flags: --dist-dir .next-bench --reuse-build
// --port 3730 --chromium /usr/bin/chromium --skip-lighthouse.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startAppServer, type AppServer } from '@/tests/support/app-server';
import { ensureBuild, machineLoad } from '../support/production-build';
import { runLighthouse } from './lighthouse';
import {
  firstLoadScriptBytes,
  formatPagesTable,
  missedPageTargets,
  type PageFigures,
  type ScriptTransfer,
} from './weight';

const { values: flags } = parseArgs({
  options: {
    'dist-dir': { type: 'string', default: '.next-bench' },
    'reuse-build': { type: 'boolean', default: false },
    port: { type: 'string', default: '3730' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    'skip-lighthouse': { type: 'boolean', default: false },
  },
});

export const PAGES = [
  { page: 'home', path: '/' },
  { page: 'article', path: '/articles/site-admin-must-authorize-app' },
  { page: 'search', path: '/search?q=site+admin+must+authorize+this+app' },
  { page: 'troubleshooter', path: '/troubleshoot/authorize-app' },
];

// Without these, Chromium on a machine with no internet keeps trying to reach Google's hosts.
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SETTLE_MS = 3_000;

interface ScriptsOfPage {
  /** Requested before the load event: what the page needs to render and hydrate. */
  firstLoad: ScriptTransfer[];
  /** Everything until SETTLE_MS after the load event, including prefetches and lazily loaded chunks. */
  untilIdle: ScriptTransfer[];
}

/** The scripts a first visit downloads, in a fresh browser (nothing cached). */
async function scriptsLoadedBy(url: string): Promise<ScriptsOfPage> {
  const browser = await chromium.launch({ executablePath: flags.chromium, args: CHROMIUM_FLAGS.slice(1) });
  try {
    const page = await browser.newPage();
    let loaded = false;
    const beforeLoad = new WeakSet<object>();
    page.on('request', (request) => {
      if (!loaded) beforeLoad.add(request);
    });
    page.once('load', () => (loaded = true));
    const pending: Promise<(ScriptTransfer & { early: boolean }) | undefined>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const early = beforeLoad.has(response.request());
      pending.push(
        response.body().then(
          (body) => ({ url: response.url(), body, early }),
          () => undefined,
        ),
      );
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // A fixed settle time rather than "network idle": a page that polls or keeps prefetching
    // would otherwise never be measured.
    await page.waitForTimeout(SETTLE_MS);
    const scripts = (await Promise.all(pending)).filter((script) => script !== undefined);
    return { firstLoad: scripts.filter((script) => script.early), untilIdle: scripts };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  ensureBuild(flags['dist-dir'], flags['reuse-build']);
  const dataDir = path.resolve('.data-bench-pages');
  rmSync(dataDir, { recursive: true, force: true });
  let server: AppServer | undefined;
  try {
    const port = Number(flags.port);
    server = await startAppServer({
      port,
      distDir: flags['dist-dir'],
      env: {
        GREENLIGHT_DATA_DIR: dataDir,
        GREENLIGHT_DEMO: '1',
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXTAUTH_SECRET: 'bench-secret-not-for-production-0123456789',
        LOG_LEVEL: 'warn',
      },
    });
    const figures: PageFigures[] = [];
    for (const { page, path: pagePath } of PAGES) {
      const url = `${server.url}${pagePath}`;
      const scripts = await scriptsLoadedBy(url);
      const scores = flags['skip-lighthouse']
        ? { performance: 0, accessibility: 0, failedAudits: [] }
        : await runLighthouse(url, flags.chromium, CHROMIUM_FLAGS);
      const figure: PageFigures = {
        page,
        path: pagePath,
        scriptCount: new Set(scripts.firstLoad.map((script) => script.url)).size,
        firstLoadJsBytes: firstLoadScriptBytes(scripts.firstLoad),
        untilIdleJsBytes: firstLoadScriptBytes(scripts.untilIdle),
        performance: scores.performance,
        accessibility: scores.accessibility,
      };
      console.error(
        `${page}: ${(figure.firstLoadJsBytes / 1024).toFixed(1)} KB JS, performance ${figure.performance}, accessibility ${figure.accessibility}` +
          (scores.failedAudits.length ? `\n  below 1: ${scores.failedAudits.join(', ')}` : ''),
      );
      figures.push(figure);
    }
    console.log(`\n${machineLoad()}\n`);
    console.log(formatPagesTable(figures));
    const missed = missedPageTargets(figures).filter(
      (line) => !flags['skip-lighthouse'] || line.includes('KB'),
    );
    if (missed.length > 0) {
      console.log(`\nMissed targets:\n- ${missed.join('\n- ')}`);
      process.exitCode = 1;
    } else {
      console.log('\nAll targets met.');
    }
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
