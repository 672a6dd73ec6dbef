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

export interface LoadTarget {
  route: string;
  maxP99Ms?: number;
}

/** Every missed target, as a sentence; empty when all are met. */
export function missedTargets(figures: RouteFigures[], targets: LoadTarget[]): string[] {
  const missed: string[] = [];
  for (const run of figures) {
    if (run.errors > 0) missed.push(`${run.route}: ${run.errors} errors (${run.timeouts} of them timeouts)`);
    if (run.unexpectedStatuses > 0)
      missed.push(`${run.route}: ${run.unexpectedStatuses} unexpected statuses`);
    const limit = targets.find((target) => target.route === run.route)?.maxP99Ms;
    if (limit !== undefined && run.p99Ms > limit)
      missed.push(`${run.route}: p99 ${run.p99Ms} ms > ${limit} ms`);
  }
  return missed;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

/** A Markdown table: each route's figures, and its throughput as a share of the baseline route's. */
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
      String(run.unexpectedStatuses),
    ].join(' | '),
  );
  return [
    `| route | req/s | req/s ÷ ${baselineRoute} | p50 ms | p99 ms | p99 ÷ ${baselineRoute} | requests | errors | unexpected statuses |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}
