// Pure arithmetic over load-test runs, so the figures in docs/benchmarks.md can be trusted.

/** What one autocannon run reports, reduced to the figures the benchmark prints. */
export interface RouteFigures {
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Failed requests, timeouts included (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
  /** Responses whose status was not the expected one (all expected statuses are 2xx here). */
  unexpectedStatuses: number;
}

/** The part of autocannon's result object that is read (see autocannon's README, "Result"). */
export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

export function figuresFrom(route: string, result: AutocannonResult): RouteFigures {
  return {
    route,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    unexpectedStatuses: result.non2xx,
  };
}

/** `value / baseline`, or 0 when there is no baseline to compare with. */
export function ratio(value: number, baseline: number): number {
  return baseline > 0 ? value / baseline : 0;
}

/**
 * A route's targets, relative to the constant route measured in the same run (issue 15): absolute
 * figures on a shared 2-core machine say more about the machine than about the code.
 */
export interface LoadTarget {
  route: string;
  /** Requests/s at least this share of the constant route's. */
  minThroughputRatio?: number;
  /** p99 at most this multiple of the constant route's. */
  maxP99Ratio?: number;
}

/** One checked target: what was asked, what was measured, and whether it holds. */
export interface TargetCheck {
  route: string;
  target: string;
  measured: string;
  pass: boolean;
}

/** The burst of new connections a route gets before its warm-up: each one's first request. */
export interface BurstFigures {
  route: string;
  connections: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  unexpectedStatuses: number;
}

/**
 * Every target checked, pass or miss: the ratio targets of each route against the baseline route,
 * and zero errors, timeouts and unexpected statuses on every route and every burst.
 */
export function checkTargets(
  figures: RouteFigures[],
  targets: LoadTarget[],
  baselineRoute: string,
  bursts: BurstFigures[] = [],
): TargetCheck[] {
  const baseline = figures.find((run) => run.route === baselineRoute);
  const checks: TargetCheck[] = [];
  for (const run of figures) {
    const target = targets.find((candidate) => candidate.route === run.route);
    if (target?.minThroughputRatio !== undefined) {
      const share = baseline ? ratio(run.requestsPerSecond, baseline.requestsPerSecond) : 0;
      checks.push({
        route: run.route,
        target: `req/s ≥ ${target.minThroughputRatio.toFixed(2)} × ${baselineRoute}`,
        measured: `${share.toFixed(2)} ×`,
        pass: baseline !== undefined && share >= target.minThroughputRatio,
      });
    }
    if (target?.maxP99Ratio !== undefined) {
      const multiple = baseline ? ratio(run.p99Ms, baseline.p99Ms) : Infinity;
      checks.push({
        route: run.route,
        target: `p99 ≤ ${target.maxP99Ratio.toFixed(1)} × ${baselineRoute}`,
        measured: `${multiple.toFixed(1)} ×`,
        pass: baseline !== undefined && multiple <= target.maxP99Ratio,
      });
    }
    checks.push(cleanRun(run.route, run));
  }
  for (const burst of bursts) checks.push(cleanRun(`${burst.route}, burst of ${burst.connections}`, burst));
  return checks;
}

function cleanRun(
  route: string,
  run: { errors: number; timeouts: number; unexpectedStatuses: number },
): TargetCheck {
  return {
    route,
    target: 'no errors, timeouts or unexpected statuses',
    measured: `${run.errors} errors (${run.timeouts} timeouts), ${run.unexpectedStatuses} unexpected`,
    pass: run.errors === 0 && run.timeouts === 0 && run.unexpectedStatuses === 0,
  };
}

/** The checks as Markdown lines, each marked pass or miss. */
export function formatTargetChecks(checks: TargetCheck[]): string {
  return checks
    .map(
      (check) =>
        `- ${check.pass ? 'pass' : 'MISS'}: ${check.route}: ${check.target} (measured ${check.measured})`,
    )
    .join('\n');
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

/** A Markdown table: each route's figures, and its throughput and p99 as ratios to the baseline route's. */
export function formatLoadTable(figures: RouteFigures[], baselineRoute: string): string {
  const baseline = figures.find((run) => run.route === baselineRoute);
  const rows = figures.map((run) =>
    [
      run.route,
      fixed(run.requestsPerSecond, 0),
      baseline ? fixed(ratio(run.requestsPerSecond, baseline.requestsPerSecond), 2) : '–',
      String(run.p50Ms),
      String(run.p99Ms),
      baseline ? fixed(ratio(run.p99Ms, baseline.p99Ms), 1) : '–',
      String(run.requests),
      String(run.errors),
      String(run.timeouts),
      String(run.unexpectedStatuses),
    ].join(' | '),
  );
  return [
    `| route | req/s | req/s ÷ ${baselineRoute} | p50 ms | p99 ms | p99 ÷ ${baselineRoute} | requests | errors | timeouts | unexpected statuses |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

/** A Markdown table of the bursts: the slowest first request of each, and what failed. */
export function formatBurstTable(bursts: BurstFigures[]): string {
  return [
    '| route | new connections at once | slowest first request ms | errors | timeouts | unexpected statuses |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...bursts.map(
      (burst) =>
        `| ${burst.route} | ${burst.connections} | ${Math.round(burst.maxMs)} | ${burst.errors} | ${burst.timeouts} | ${burst.unexpectedStatuses} |`,
    ),
  ].join('\n');
}
