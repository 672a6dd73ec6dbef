// After `next build` with output: 'standalone': copies what the self-contained server reads at run
// time but Next.js does not copy itself (Next.js docs, "output: standalone"): public/ and the built
// static assets, plus Greenlight's migrations (drizzle/, applied on start) and articles (content/).
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';

const distDir = process.env.GREENLIGHT_DIST_DIR || '.next';
const standalone = path.join(distDir, 'standalone');
if (!existsSync(path.join(standalone, 'server.js'))) {
  console.error(`${standalone}/server.js is missing: is output: 'standalone' set in next.config.ts?`);
  process.exit(1);
}

const copies = [
  ['public', path.join(standalone, 'public')],
  [path.join(distDir, 'static'), path.join(standalone, distDir, 'static')],
  ['drizzle', path.join(standalone, 'drizzle')],
  ['content', path.join(standalone, 'content')],
  // The script hashes of the prerendered pages (scripts/prerendered-csp.ts), read by proxy.ts.
  [path.join(distDir, 'prerendered-csp.json'), path.join(standalone, distDir, 'prerendered-csp.json')],
];
for (const [from, to] of copies) {
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}
console.error(`standalone server ready: node ${path.join(standalone, 'server.js')}`);
