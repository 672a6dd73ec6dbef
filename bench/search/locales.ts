import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analyzer } from '@/lib/search/analyzer';
import { englishAnalyzer } from '@/lib/search/english';
import { germanAnalyzer } from '@/lib/search/german';
import { createLocalizedSearchIndex, type LocalizedSearchIndexOptions } from '@/lib/search/localized-index';
import type { SearchLocale } from '@/lib/search/locales';
import { loadMarkdownCorpus } from '@/lib/search/markdown-corpus';
import type { SearchDocument } from '@/lib/search/types';
import { loadKuromojiAnalyzer } from './kuromoji-analyzer';
import {
  mean,
  median,
  ndcg,
  percentile,
  recall,
  reciprocalRank,
  successAt1,
  type Judgements,
} from './metrics';
import { KINDS } from './targets';

/**
 * Search in the reader's language, on the help center's own articles (English, German, Japanese):
 * the judged German and Japanese sets, each asked in its language with English as the fallback,
 * and the analyzer candidates measured side by side in the same run.
 */

interface JudgedQuery {
  id: string;
  kind: string;
  query: string;
  relevant: Judgements;
}

export interface LocaleSet {
  locale: Exclude<SearchLocale, 'en'>;
  path: string;
  queries: JudgedQuery[];
}

export interface LocaleFigures {
  locale: SearchLocale;
  configuration: string;
  queries: number;
  mrr: number;
  ndcg: number;
  recall: number;
  success1: number;
  mrrByKind: Record<string, number>;
  p50: number;
  p95: number;
  cpuP95: number;
  buildMs: number;
  heapMb: number;
  /** Time and heap to load the analyzer itself (kuromoji's dictionary), when it has one to load. */
  loadMs?: number;
  loadHeapMb?: number;
}

interface Configuration {
  name: string;
  options: LocalizedSearchIndexOptions;
  loadMs?: number;
  loadHeapMb?: number;
}

export function readLocaleSets(spec: string): LocaleSet[] {
  if (spec === 'none') return [];
  return spec.split(',').map((item) => {
    const [locale, path] = item.split('=', 2) as [LocaleSet['locale'], string];
    const queries = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as JudgedQuery);
    return { locale, path, queries };
  });
}

/** The articles of each language under a content root: `articles/*.mdx` (English), `articles/<locale>/`. */
export function loadLocalizedArticles(contentRoot: string, locales: readonly SearchLocale[]) {
  const articles = join(contentRoot, 'articles');
  const docs: Partial<Record<SearchLocale, SearchDocument[]>> & { en: SearchDocument[] } = {
    en: loadMarkdownCorpus(articles, { recursive: false }),
  };
  for (const locale of locales) {
    const dir = join(articles, locale);
    if (locale !== 'en' && existsSync(dir)) docs[locale] = loadMarkdownCorpus(dir, { recursive: false });
  }
  return docs;
}

async function configurationsFor(locale: LocaleSet['locale']): Promise<Configuration[]> {
  const only = (analyzer: Analyzer) => ({ analyzers: { [locale]: analyzer } });
  const before = { name: 'English analysis (as before this work)', options: only(englishAnalyzer) };
  if (locale === 'de')
    return [
      before,
      {
        name: 'German: stems, folding, no compound splitting',
        options: only({ ...germanAnalyzer, withCorpus: undefined }),
      },
      { name: 'German, no English fallback', options: { englishFallback: false } },
      { name: 'Greenlight (German)', options: {} },
    ];
  const heapBefore = heapUsed();
  const kuromoji = await loadKuromojiAnalyzer();
  const loadHeapMb = (heapUsed() - heapBefore) / 1e6;
  return [
    before,
    {
      name: 'kuromoji (IPADIC) morphemes',
      options: only(kuromoji.analyzer),
      loadMs: kuromoji.loadMs,
      loadHeapMb,
    },
    { name: 'Intl.Segmenter, no English fallback', options: { englishFallback: false } },
    { name: 'Greenlight (Intl.Segmenter)', options: {} },
  ];
}

let gc: () => void = () => undefined;
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export async function runLocaleBenchmark(
  sets: LocaleSet[],
  contentRoot: string,
  repeat: number,
  collectGarbage: () => void,
  details: ReadonlySet<string> = new Set(),
): Promise<LocaleFigures[]> {
  gc = collectGarbage;
  const docs = loadLocalizedArticles(
    contentRoot,
    sets.map((s) => s.locale),
  );
  const rows: LocaleFigures[] = [];
  for (const set of sets) {
    if (!docs[set.locale]?.length) {
      console.error(
        `no ${set.locale} articles under ${contentRoot}/articles/${set.locale}: ${set.locale} skipped`,
      );
      continue;
    }
    for (const config of await configurationsFor(set.locale)) {
      const before = heapUsed();
      const started = performance.now();
      const index = createLocalizedSearchIndex(docs, config.options);
      const buildMs = performance.now() - started;
      const heapMb = (heapUsed() - before) / 1e6;
      for (const q of set.queries.slice(0, 10)) index.search(q.query, { locale: set.locale });
      gc();
      const times: number[] = [];
      const cpuTimes: number[] = [];
      const ranked: Array<{ q: JudgedQuery; ids: string[] }> = [];
      for (const q of set.queries) {
        const runs: number[] = [];
        const cpuRuns: number[] = [];
        let ids: string[] = [];
        for (let r = 0; r < repeat; r++) {
          const cpu = process.cpuUsage();
          const t = performance.now();
          const results = index.search(q.query, { locale: set.locale, limit: 10 }).results;
          for (const result of results) void result.snippet;
          runs.push(performance.now() - t);
          const used = process.cpuUsage(cpu);
          cpuRuns.push((used.user + used.system) / 1000);
          ids = results.map((result) => result.id);
        }
        times.push(median(runs));
        cpuTimes.push(median(cpuRuns));
        ranked.push({ q, ids });
      }
      const mrrByKind: Record<string, number> = {};
      for (const kind of KINDS) {
        const ofKind = ranked.filter((p) => p.q.kind === kind);
        if (ofKind.length) mrrByKind[kind] = mean(ofKind.map((p) => reciprocalRank(p.ids, p.q.relevant)));
      }
      rows.push({
        locale: set.locale,
        configuration: config.name,
        queries: set.queries.length,
        mrr: mean(ranked.map((p) => reciprocalRank(p.ids, p.q.relevant))),
        ndcg: mean(ranked.map((p) => ndcg(p.ids, p.q.relevant))),
        recall: mean(ranked.map((p) => recall(p.ids, p.q.relevant))),
        success1: mean(ranked.map((p) => successAt1(p.ids, p.q.relevant))),
        mrrByKind,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        cpuP95: percentile(cpuTimes, 0.95),
        buildMs,
        heapMb,
        ...(config.loadMs !== undefined ? { loadMs: config.loadMs, loadHeapMb: config.loadHeapMb } : {}),
      });
      if (details.has(set.locale) && config.name.startsWith('Greenlight'))
        for (const p of ranked) {
          const at = p.ids.findIndex((id) => p.q.relevant[id] === 2);
          console.error(
            `${p.q.id} ${p.q.kind} ${at < 0 ? '–' : at + 1} ${p.q.query.slice(0, 60)} → ${p.ids[0] ?? ''}`,
          );
        }
    }
  }
  return rows;
}

export function localeTable(rows: LocaleFigures[]): string {
  const head = [
    'Set',
    'Configuration',
    'MRR@10',
    'nDCG@10',
    'R@10',
    'S@1',
    ...KINDS.map((k) => `MRR ${k}`),
    'p50 ms',
    'p95 ms',
    'CPU p95',
    'build ms',
    'heap MB',
    'analyzer load',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows)
    lines.push(
      `| ${[
        `${r.locale} (${r.queries})`,
        r.configuration,
        r.mrr.toFixed(3),
        r.ndcg.toFixed(3),
        r.recall.toFixed(3),
        r.success1.toFixed(3),
        ...KINDS.map((k) => (k in r.mrrByKind ? r.mrrByKind[k]!.toFixed(2) : '–')),
        r.p50.toFixed(2),
        r.p95.toFixed(2),
        r.cpuP95.toFixed(2),
        r.buildMs.toFixed(0),
        r.heapMb.toFixed(1),
        r.loadMs !== undefined ? `${(r.loadMs / 1000).toFixed(1)} s, ${r.loadHeapMb!.toFixed(0)} MB` : '–',
      ].join(' | ')} |`,
    );
  return lines.join('\n');
}
