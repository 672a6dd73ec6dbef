/**
 * The search targets (issue 16), checked against the figures of one benchmark
 * run. Pure, so the check itself is tested.
 */

export const KINDS = ['error', 'typo', 'synonym', 'question', 'keyword'] as const;

export interface EngineFigures {
  engine: string;
  typoTolerant: boolean;
  /** Query set name (dev, frozen, held-out, …). */
  set: string;
  scale: number;
  docs: number;
  queries: number;
  mrr: number;
  ndcg: number;
  recall: number;
  success1: number;
  mrrByKind: Record<string, number>;
  p50: number;
  p95: number;
  cpuP50: number;
  cpuP95: number;
  /** Per-query median wall times, kept to pool latency over every set. */
  times: number[];
  cpuTimes: number[];
  buildMs: number;
  heapMb: number;
}

export const GREENLIGHT = 'Greenlight';

export const TARGETS = {
  frozen: { mrr: 0.72, overBestPeer: 1.4, kindAtLeastBestPeer: true, synonym: 0.45, question: 0.55 },
  dev: { mrr: 0.8 },
  p95Ms: 5,
} as const;

export interface TargetLine {
  text: string;
  met: boolean;
}

const fmt = (n: number, digits = 3) => n.toFixed(digits);

function line(text: string, met: boolean): TargetLine {
  return { text: `${text}: ${met ? 'met' : 'MISSED'}`, met };
}

/** Quality targets of a set at 1×, against the peers measured on the same set. */
function qualityLines(rows: EngineFigures[], set: string): TargetLine[] {
  const one = rows.filter((r) => r.scale === 1 && r.set === set);
  const mine = one.find((r) => r.engine === GREENLIGHT);
  if (!mine) return [];
  const peers = one.filter((r) => !r.engine.startsWith(GREENLIGHT));
  const lines: TargetLine[] = [];
  const goal = set === 'frozen' ? TARGETS.frozen : set === 'dev' ? TARGETS.dev : undefined;
  if (goal) lines.push(line(`${set} MRR@10 ${fmt(mine.mrr)} ≥ ${goal.mrr}`, mine.mrr >= goal.mrr));
  if (peers.length === 0) return lines;
  const best = Math.max(...peers.map((p) => p.mrr));
  const bestName = peers.find((p) => p.mrr === best)!.engine;
  const factor = set === 'frozen' ? TARGETS.frozen.overBestPeer : undefined;
  if (factor)
    lines.push(
      line(
        `${set} MRR@10 ≥ ${factor} × best peer (${bestName} ${fmt(best)} → ${fmt(factor * best)}; ratio ${fmt(mine.mrr / best, 2)})`,
        mine.mrr >= factor * best,
      ),
    );
  for (const kind of KINDS) {
    if (!(kind in mine.mrrByKind)) continue;
    const peerBest = Math.max(...peers.map((p) => p.mrrByKind[kind] ?? 0));
    const own = mine.mrrByKind[kind] ?? 0;
    lines.push(line(`${set} ${kind} ${fmt(own, 2)} ≥ best peer ${fmt(peerBest, 2)}`, own >= peerBest));
  }
  if (set === 'frozen') {
    for (const kind of ['synonym', 'question'] as const) {
      const own = mine.mrrByKind[kind] ?? 0;
      lines.push(
        line(`frozen ${kind} ${fmt(own, 2)} ≥ ${TARGETS.frozen[kind]}`, own >= TARGETS.frozen[kind]),
      );
    }
  }
  return lines;
}

function percentileOf(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** p95 at the largest scale, per set and over every query of the run. */
function latencyLines(rows: EngineFigures[]): TargetLine[] {
  if (rows.length === 0) return [];
  const scale = Math.max(...rows.map((r) => r.scale));
  const at = rows.filter((r) => r.scale === scale);
  const mine = at.filter((r) => r.engine === GREENLIGHT);
  if (mine.length === 0) return [];
  const lines: TargetLine[] = [];
  for (const r of mine)
    lines.push(
      line(
        `${r.set} p95 ${fmt(r.p95, 2)} ms (CPU ${fmt(r.cpuP95, 2)} ms) ≤ ${TARGETS.p95Ms} ms at ${r.docs} docs`,
        r.p95 <= TARGETS.p95Ms,
      ),
    );
  const all = mine.flatMap((r) => r.times);
  const allCpu = mine.flatMap((r) => r.cpuTimes);
  const p95 = percentileOf(all, 0.95);
  lines.push(
    line(
      `all ${all.length} queries p95 ${fmt(p95, 2)} ms (CPU ${fmt(percentileOf(allCpu, 0.95), 2)} ms) ≤ ${TARGETS.p95Ms} ms at ${mine[0]!.docs} docs`,
      p95 <= TARGETS.p95Ms,
    ),
  );
  const typoPeers = at.filter((r) => !r.engine.startsWith(GREENLIGHT) && r.typoTolerant);
  if (typoPeers.length > 0) {
    const lowest = Math.min(...typoPeers.map((p) => p.p95));
    const worst = Math.max(...mine.map((r) => r.p95));
    lines.push(
      line(
        `p95 ≤ every typo-tolerant peer's (lowest ${fmt(lowest, 2)} ms, ours ≤ ${fmt(worst, 2)} ms)`,
        worst <= lowest,
      ),
    );
  }
  return lines;
}

export function checkTargets(rows: EngineFigures[]): TargetLine[] {
  const sets = [...new Set(rows.map((r) => r.set))];
  return [...sets.flatMap((set) => qualityLines(rows, set)), ...latencyLines(rows)];
}
