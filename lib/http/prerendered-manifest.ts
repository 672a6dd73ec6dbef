import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log';
import { isPrerenderedManifest, PRERENDERED_MANIFEST_FILE, type PrerenderedManifest } from './prerendered';

/**
 * One hash of every file under a content root (names and bytes). The build records the content it
 * prerendered from; a server started on other content (a mounted folder, the test fixtures) then
 * renders every page per request rather than serve pages of content it does not have.
 */
export function contentFingerprint(root: string): string {
  const hash = createHash('sha256');
  const base = path.resolve(root);
  const files = readdirSync(/*turbopackIgnore: true*/ base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(/*turbopackIgnore: true*/ path.join(base, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

// Read at run time from the build folder and the content root, never traced into the bundle.
let loaded: { manifest: PrerenderedManifest | null } | undefined;

/**
 * The build's manifest of prerendered pages, read once per process; null in development, when
 * there is none, or when it was built from other content than this server reads.
 */
export function prerenderedManifest(): PrerenderedManifest | null {
  loaded ??= { manifest: readManifest() };
  return loaded.manifest;
}

function readManifest(): PrerenderedManifest | null {
  const config = getConfig();
  if (config.NODE_ENV === 'development') return null;
  const file = path.resolve(config.GREENLIGHT_DIST_DIR, PRERENDERED_MANIFEST_FILE);
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, 'utf8'));
  } catch {
    logger.warn({ file }, 'no manifest of prerendered pages: every page is rendered per request');
    return null;
  }
  if (!isPrerenderedManifest(manifest)) {
    logger.warn({ file }, 'unreadable manifest of prerendered pages: every page is rendered per request');
    return null;
  }
  try {
    if (contentFingerprint(config.GREENLIGHT_CONTENT_DIR) === manifest.content) return manifest;
  } catch {
    // An unreadable content folder: the pages render per request and say what is wrong.
  }
  logger.warn(
    { contentDir: config.GREENLIGHT_CONTENT_DIR },
    'the content differs from the build: every page is rendered per request',
  );
  return null;
}
