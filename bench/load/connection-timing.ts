// Pure summary of per-request timings by connection: were the slow requests the first of their
// connection (a burst of new connections) or spread over the run (a steady-state queue)?

export interface TimedRequest {
  /** Milliseconds from sending the request to the end of its response. */
  ms: number;
  /** 0 for the first request on its connection. */
  indexOnConnection: number;
}

export interface ConnectionTimingSummary {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  slow: number;
  slowFirstOnConnection: number;
  /** The slowest request that was not the first of its connection. */
  maxLaterMs: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarizeConnectionTimings(
  requests: TimedRequest[],
  slowMs: number,
): ConnectionTimingSummary {
  const sorted = requests.map((request) => request.ms).sort((a, b) => a - b);
  const slow = requests.filter((request) => request.ms > slowMs);
  const later = requests.filter((request) => request.indexOnConnection > 0).map((request) => request.ms);
  return {
    requests: requests.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
    slow: slow.length,
    slowFirstOnConnection: slow.filter((request) => request.indexOnConnection === 0).length,
    maxLaterMs: later.length ? Math.max(...later) : 0,
  };
}
