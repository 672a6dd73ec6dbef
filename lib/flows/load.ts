import 'server-only';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadArticles } from '@/lib/content/articles';
import { contentPaths } from '@/lib/content/paths';
import { applyFlowOverlay, checkFlowOverlay, parseFlowOverlay, type FlowOverlay } from './overlay';
import { processWide } from '@/lib/process-wide';
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

/** The site's flows (from the content root), read once per server process. */
export function getFlows(): Flow[] {
  return processWide('flows', () => loadFlows());
}

export function getFlow(id: string): Flow | undefined {
  return getFlows().find((flow) => flow.id === id);
}

/**
 * A language's flow texts (`<flows>/<locale>/<flow>.yaml`), each checked against its English flow;
 * throws a FlowError naming an unknown flow, node, choice or step.
 */
export function loadFlowOverlays(
  locale: string,
  flows: readonly Flow[],
  dir: string = contentPaths().flows,
): Map<string, FlowOverlay> {
  const overlays = new Map<string, FlowOverlay>();
  const localeDir = path.join(dir, locale);
  if (!existsSync(localeDir)) return overlays;
  const problems = [];
  for (const file of readFlowFiles(localeDir)) {
    const flowId = path.basename(file.path).replace(/\.(ya?ml|json)$/, '');
    const flow = flows.find((candidate) => candidate.id === flowId);
    if (!flow) {
      problems.push({ flow: flowId, message: `${file.path}: there is no English flow "${flowId}"` });
      continue;
    }
    const parsed = parseFlowOverlay(flowId, file.path, file.source);
    problems.push(...parsed.problems);
    if (!parsed.overlay) continue;
    const mismatches = checkFlowOverlay(flow, parsed.overlay, file.path);
    problems.push(...mismatches);
    if (mismatches.length === 0) overlays.set(flowId, parsed.overlay);
  }
  if (problems.length > 0) throw new FlowError(problems);
  return overlays;
}

const localized = new Map<string, Map<string, FlowOverlay>>();

/** The flow with its texts in `locale` where translated (English elsewhere), read once per process. */
export function getLocalizedFlow(id: string, locale: string, defaultLocale = 'en'): Flow | undefined {
  const flow = getFlow(id);
  if (!flow || locale === defaultLocale) return flow;
  let overlays = localized.get(locale);
  if (!overlays) {
    overlays = loadFlowOverlays(locale, getFlows());
    localized.set(locale, overlays);
  }
  const overlay = overlays.get(id);
  return overlay ? applyFlowOverlay(flow, overlay) : flow;
}
