// What the usage signal costs the help center's own search (the benchmark corpus has no usage, so
// `npm run bench:search` never exercises it). Prints, per query over the real articles, the wall
// and CPU time of the search as /api/search runs it (searchHelpCenter) with no signal and with a
// loaded signal of many families (every measured query's family among them, so each pays the
// lookup and the boost), the time of the query-family step alone, and the off-path reload (load
// the aggregate table from an in-memory PGlite, build the boosts).
//   npm run -s bench:search-usage [-- --families 5000 --runs 15]
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { getArticles } from '@/lib/content/articles';
import { openPglite, setDatabaseForTests } from '@/lib/db/client';
import { searchUsageSignal } from '@/lib/db/schema';
import { getArticleSearchIndex } from '@/lib/search/article-index';
import { queryFamily } from '@/lib/search/query-family';
import { searchHelpCenter } from '@/lib/search/search-help-center';
import { refreshUsageBoosts, resetUsageBoosts, usageBoostsFor } from '@/lib/search/usage-cache';

const { values } = parseArgs({
  options: { families: { type: 'string', default: '5000' }, runs: { type: 'string', default: '15' } },
});
const FAMILIES = Number(values.families);
const RUNS = Number(values.runs);

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};
const median = (xs: number[]) => percentile(xs, 0.5);

function time(work: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

async function main() {
  const articles = getArticles();
  const slugs = articles.map((a) => a.slug);
  // Queries people would type, made from the articles (no query list to tune on): each title,
  // the title asked as a question, and the first words of the summary.
  const queries = articles.flatMap((a) => [
    a.frontmatter.title,
    `how do I ${a.frontmatter.title.toLowerCase()}?`,
    a.frontmatter.summary.split(/\s+/).slice(0, 6).join(' '),
  ]);
  getArticleSearchIndex();

  const handle = await openPglite(undefined);
  const empty = await openPglite(undefined);
  setDatabaseForTests(handle);
  const families = new Set(queries.map((q) => queryFamily(q)).filter((f): f is string => !!f));
  for (let i = families.size; i < FAMILIES; i++) families.add(`synthetic family ${i} ${randomUUID()}`);
  const rows = [...families].flatMap((family, f) =>
    [0, 1, 2, 3, 4].map((k) => ({
      family,
      articleSlug: slugs[(f * 5 + k) % slugs.length]!,
      query: family,
      visitors: 3 + ((f + k) % 20),
      helpful: 3,
      notHelpful: k % 2,
      evidence: k % 2 ? -2.5 : 3.2,
      weight: 4,
      computedAt: new Date(),
    })),
  );
  for (let i = 0; i < rows.length; i += 1000)
    await handle.db.insert(searchUsageSignal).values(rows.slice(i, i + 1000));

  const reloads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await refreshUsageBoosts(handle.db);
    reloads.push(performance.now() - start);
  }

  const search = (q: string) => () => void searchHelpCenter({ q, limit: 10 }).results.length;
  // Per query, each condition's runs; the two conditions alternate run by run so the machine's
  // load falls on both alike (a reload between them, off the clock).
  const none = queries.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  const signal = queries.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  const fam = queries.map(() => [] as number[]);
  for (let r = 0; r < RUNS; r++) {
    resetUsageBoosts();
    await refreshUsageBoosts(empty.db);
    queries.forEach((q, i) => {
      const t = time(search(q));
      none[i]!.wall.push(t.wall);
      none[i]!.cpu.push(t.cpu);
    });
    await refreshUsageBoosts(handle.db);
    queries.forEach((q, i) => {
      const t = time(search(q));
      signal[i]!.wall.push(t.wall);
      signal[i]!.cpu.push(t.cpu);
      fam[i]!.push(time(() => void usageBoostsFor(q)).wall);
    });
  }
  const measure = {
    none: none.map((m) => median(m.wall)),
    noneCpu: none.map((m) => median(m.cpu)),
    signal: signal.map((m) => median(m.wall)),
    signalCpu: signal.map((m) => median(m.cpu)),
  };
  const familyStep = fam.map(median);

  const boostedQueries = queries.filter((q) => usageBoostsFor(q)).length;
  const row = (label: string, wall: number[], cpu: number[]) =>
    `| ${label} | ${median(wall).toFixed(3)} | ${percentile(wall, 0.95).toFixed(3)} | ${median(cpu).toFixed(3)} | ${percentile(cpu, 0.95).toFixed(3)} |`;
  console.log(
    `Usage signal on the help center's search: ${articles.length} articles, ${queries.length} queries (${boostedQueries} with a learned family), ` +
      `${families.size} families × 5 articles = ${rows.length} aggregate rows; median of ${RUNS} runs per query; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  console.log('| search (searchHelpCenter, limit 10) | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('no signal', measure.none, measure.noneCpu));
  console.log(row('with the signal loaded', measure.signal, measure.signalCpu));
  console.log(
    `query family + lookup alone: p50 ${(median(familyStep) * 1000).toFixed(1)} µs, p95 ${(percentile(familyStep, 0.95) * 1000).toFixed(1)} µs`,
  );
  console.log(
    `reload off the search path (select ${rows.length} rows from PGlite, build the boosts): median ${median(reloads).toFixed(1)} ms`,
  );
  setDatabaseForTests(undefined);
  await handle.close();
  await empty.close();
}

void main();
