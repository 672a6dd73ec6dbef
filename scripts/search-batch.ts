/**
 * Runs queries against a Markdown corpus with the production search ranking.
 *   npm run -s search:batch -- --corpus <dir> --queries <file.jsonl> [--repeat 5] [--scale K]
 * stdout: one JSON line per query {"id","results":[doc ids, up to 10],"ms"}; logs go to stderr.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createSearchIndex } from '@/lib/search';
import { loadMarkdownCorpus, scaleCorpus } from '@/lib/search/markdown-corpus';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    queries: { type: 'string' },
    repeat: { type: 'string', default: '5' },
    scale: { type: 'string', default: '1' },
  },
});
if (!values.corpus || !values.queries) {
  console.error('usage: search-batch --corpus <dir> --queries <file.jsonl> [--repeat 5] [--scale K]');
  process.exit(2);
}
const repeat = Math.max(1, Number.parseInt(values.repeat, 10) || 1);
const scale = Math.max(1, Number.parseInt(values.scale, 10) || 1);

const loadStart = performance.now();
const docs = scaleCorpus(loadMarkdownCorpus(values.corpus), scale);
const buildStart = performance.now();
const index = createSearchIndex(docs);
console.error(
  `indexed ${docs.length} documents (load ${Math.round(buildStart - loadStart)} ms, build ${Math.round(performance.now() - buildStart)} ms)`,
);

const lines = readFileSync(values.queries, 'utf8')
  .split('\n')
  .filter((l) => l.trim());
for (const line of lines) {
  const { id, query } = JSON.parse(line) as { id: string; query: string };
  const times: number[] = [];
  let ids: string[] = [];
  for (let r = 0; r < repeat; r++) {
    const start = performance.now();
    const response = index.search(query, { limit: 10 });
    ids = response.results.map((result) => result.id);
    // Snippets are made when read; the API reads all ten.
    for (const result of response.results) void result.snippet;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)]!;
  process.stdout.write(`${JSON.stringify({ id, results: ids, ms: Math.round(ms * 1000) / 1000 })}\n`);
}
