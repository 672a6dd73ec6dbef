// After `next build`: the manifest of the pages prerendered for signed-out readers (app/prerendered)
// with the SHA-256 of each one's inline scripts, which proxy.ts puts in those pages' script policy
// (lib/http/prerendered.ts). Reads <distDir>/server/app/prerendered/**/*.html, writes
// <distDir>/prerendered-csp.json; exits non-zero when no page was prerendered.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { PRERENDERED_SEGMENT } from '@/lib/i18n/locales';
import {
  inlineScriptHashes,
  PRERENDERED_MANIFEST_FILE,
  type PrerenderedManifest,
} from '@/lib/http/prerendered';
import { contentFingerprint } from '@/lib/http/prerendered-manifest';

const distDir = process.env.GREENLIGHT_DIST_DIR || '.next';
const tree = path.join(distDir, 'server', 'app', PRERENDERED_SEGMENT);
if (!existsSync(tree)) {
  console.error(`${tree} is missing: did next build prerender app/${PRERENDERED_SEGMENT}?`);
  process.exit(1);
}

const manifest: PrerenderedManifest = {
  version: 1,
  content: contentFingerprint(getConfig().GREENLIGHT_CONTENT_DIR),
  pages: {},
};
const files = readdirSync(tree, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .sort();
for (const file of files) {
  // en.html is /en; en/articles/x.html is /en/articles/x.
  const route = `/${file.slice(0, -'.html'.length).split(path.sep).join('/')}`;
  manifest.pages[route] = await inlineScriptHashes(readFileSync(path.join(tree, file), 'utf8'));
}
if (files.length === 0) {
  console.error(`${tree}: no prerendered page`);
  process.exit(1);
}
writeFileSync(path.join(distDir, PRERENDERED_MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
console.error(
  `${files.length} prerendered pages, their script hashes in ${distDir}/${PRERENDERED_MANIFEST_FILE}`,
);
