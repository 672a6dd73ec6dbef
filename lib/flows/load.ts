import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadArticles } from '@/lib/content/articles';
import { contentPaths } from '@/lib/content/paths';
import type { Flow } from './schema';
import { FlowError, validateFlowFiles } from './validate';

export function readFlowFiles(dir: string) {
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => ({
      path: path.relative(process.cwd(), path.join(dir, name)),
      source: readFileSync(path.join(dir, name), 'utf8'),
    }));
}

/** Loads and validates every flow against the articles; throws a FlowError naming flow and node. */
export function loadFlows(
  dir: string = contentPaths().flows,
  articlesDir: string = contentPaths().articles,
): Flow[] {
  const articleSlugs = new Set(loadArticles(articlesDir).map((article) => article.slug));
  const { flows, problems } = validateFlowFiles(readFlowFiles(dir), { articleSlugs });
  if (problems.length > 0) throw new FlowError(problems);
  return flows;
}

let cached: Flow[] | undefined;

/** The site's flows (from the content root), read once per server process. */
export function getFlows(): Flow[] {
  cached ??= loadFlows();
  return cached;
}

export function getFlow(id: string): Flow | undefined {
  return getFlows().find((flow) => flow.id === id);
}
