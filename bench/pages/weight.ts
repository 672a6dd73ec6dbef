import { gzipSync } from 'node:zlib';

// Pure arithmetic over what a page made the browser download, and the page targets of issue 7.

export interface ScriptTransfer {
  url: string;
  /** The script as the browser received it, decoded (the server may or may not have compressed it). */
  body: Buffer;
}

/** Size in bytes of a body once gzipped, as a CDN would serve it; the same whatever the server did. */
export function gzipSize(body: Buffer): number {
  return gzipSync(body, { level: 9 }).length;
}

/** Total gzipped bytes of the distinct scripts a page loaded (a script fetched twice counts once). */
export function firstLoadScriptBytes(scripts: ScriptTransfer[]): number {
  const byUrl = new Map<string, Buffer>();
  for (const script of scripts) byUrl.set(script.url, script.body);
  let total = 0;
  for (const body of byUrl.values()) total += gzipSize(body);
  return total;
}

export const kilobytes = (bytes: number): number => bytes / 1024;

export interface PageFigures {
  page: string;
  path: string;
  /** Distinct scripts requested before the load event. */
  scriptCount: number;
  /** Gzipped bytes of those scripts: the first-load JavaScript. */
  firstLoadJsBytes: number;
  /** Gzipped bytes of every script fetched until 3 s after the load event (prefetches, lazy chunks). */
  untilIdleJsBytes: number;
  /** Lighthouse category scores, 0 to 100. */
  performance: number;
  accessibility: number;
}

export interface PageTargets {
  maxFirstLoadJsKb: Record<string, number>;
  minPerformance: number;
  minAccessibility: number;
}

const PAGE_TARGETS: PageTargets = {
  maxFirstLoadJsKb: { article: 130 },
  minPerformance: 95,
  minAccessibility: 100,
};

export function missedPageTargets(figures: PageFigures[], targets: PageTargets = PAGE_TARGETS): string[] {
  const missed: string[] = [];
  for (const page of figures) {
    const limit = targets.maxFirstLoadJsKb[page.page];
    const kb = kilobytes(page.firstLoadJsBytes);
    if (limit !== undefined && kb > limit)
      missed.push(`${page.page}: ${kb.toFixed(1)} KB of first-load JS > ${limit} KB`);
    if (page.performance < targets.minPerformance)
      missed.push(`${page.page}: performance ${page.performance} < ${targets.minPerformance}`);
    if (page.accessibility < targets.minAccessibility) {
      missed.push(`${page.page}: accessibility ${page.accessibility} < ${targets.minAccessibility}`);
    }
  }
  return missed;
}

export function formatPagesTable(figures: PageFigures[]): string {
  return [
    '| page | path | scripts | first-load JS (gzip) | all JS by load + 3 s (gzip) | Lighthouse performance | Lighthouse accessibility |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...figures.map(
      (page) =>
        `| ${page.page} | \`${page.path}\` | ${page.scriptCount} | ${kilobytes(page.firstLoadJsBytes).toFixed(1)} KB | ${kilobytes(page.untilIdleJsBytes).toFixed(1)} KB | ${page.performance} | ${page.accessibility} |`,
    ),
  ].join('\n');
}
