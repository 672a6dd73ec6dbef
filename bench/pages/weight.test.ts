import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  firstLoadScriptBytes,
  formatPagesTable,
  gzipSize,
  missedPageTargets,
  type PageFigures,
} from './weight';

const page = (overrides: Partial<PageFigures>): PageFigures => ({
  page: 'article',
  path: '/articles/x',
  scriptCount: 3,
  firstLoadJsBytes: 100 * 1024,
  untilIdleJsBytes: 120 * 1024,
  performance: 99,
  accessibility: 100,
  ...overrides,
});

describe('gzip sums', () => {
  const big = Buffer.from('export const x = 1;\n'.repeat(500));
  const other = Buffer.from('console.log("other");');

  it('measures a body gzipped, not as sent', () => {
    expect(gzipSize(big)).toBe(gzipSync(big, { level: 9 }).length);
    expect(gzipSize(big)).toBeLessThan(big.length);
  });

  it('adds each distinct script once', () => {
    const total = firstLoadScriptBytes([
      { url: '/a.js', body: big },
      { url: '/b.js', body: other },
      { url: '/a.js', body: big },
    ]);
    expect(total).toBe(gzipSize(big) + gzipSize(other));
  });

  it('is 0 for a page without scripts', () => {
    expect(firstLoadScriptBytes([])).toBe(0);
  });
});

describe('missedPageTargets', () => {
  it('passes a light, fast, accessible article', () => {
    expect(missedPageTargets([page({})])).toEqual([]);
  });

  it('names a heavy article and low scores on any page', () => {
    expect(
      missedPageTargets([
        page({ firstLoadJsBytes: 140 * 1024 }),
        page({ page: 'search', firstLoadJsBytes: 400 * 1024, performance: 90, accessibility: 96 }),
      ]),
    ).toEqual([
      'article: 140.0 KB of first-load JS > 130 KB',
      'search: performance 90 < 95',
      'search: accessibility 96 < 100',
    ]);
  });
});

describe('formatPagesTable', () => {
  it('prints kilobytes with one decimal', () => {
    expect(formatPagesTable([page({ firstLoadJsBytes: 1536 })]).split('\n')[2]).toBe(
      '| article | `/articles/x` | 3 | 1.5 KB | 120.0 KB | 99 | 100 |',
    );
  });
});
