import 'server-only';
import path from 'node:path';
import { getConfig } from '@/lib/config';

export interface ContentPaths {
  /** One MDX file per article. */
  articles: string;
  /** Troubleshooter flows, one YAML file each. */
  flows: string;
  /** The editors' lists (the "popular" articles). */
  featured: string;
  /** Shared passages, `<name>.mdx`, with per-locale variants in `<locale>/<name>.mdx`. */
  partials: string;
}

/** The real content, for tests and tools that are about it rather than about the mechanisms. */
export const REAL_CONTENT_DIR = 'content';

/**
 * Where content is read from: `root`, or GREENLIGHT_CONTENT_DIR (content/ unless a test or tool
 * says otherwise). Read at run time, never bundled: the same build serves whichever content.
 */
export function contentPaths(root: string = getConfig().GREENLIGHT_CONTENT_DIR): ContentPaths {
  const base = path.resolve(root);
  return {
    articles: path.join(base, 'articles'),
    flows: path.join(base, 'flows'),
    featured: path.join(base, 'featured.json'),
    partials: path.join(base, 'partials'),
  };
}
