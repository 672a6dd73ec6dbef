// A burst of new connections: N clients connect at the same instant and each sends one request,
// the way a replica that has just started (or a spike of new visitors) is hit. autocannon opens
// its connections one after another and reports percentiles only, so it cannot show this.
import http from 'node:http';
import type { BurstFigures } from './stats';

export interface BurstRequest {
  path: string;
  headers?: Record<string, string>;
}

/** Like autocannon's: an answer slower than this counts as a timeout. */
const TIMEOUT_MS = 10_000;

type Outcome = { ms: number; status?: number; failure?: 'error' | 'timeout' };

function once(baseUrl: string, request: BurstRequest): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    // agent: false – a new connection per request, never a pooled one.
    const outgoing = http.get(new URL(request.path, baseUrl), { agent: false, headers: request.headers });
    const finish = (outcome: Omit<Outcome, 'ms'>) => resolve({ ms: performance.now() - started, ...outcome });
    outgoing.setTimeout(TIMEOUT_MS, () => {
      outgoing.destroy();
      finish({ failure: 'timeout' });
    });
    outgoing.on('error', () => finish({ failure: 'error' }));
    outgoing.on('response', (response) => {
      response.resume();
      response.on('end', () => finish({ status: response.statusCode }));
      response.on('error', () => finish({ failure: 'error' }));
    });
  });
}

/** Fires `connections` requests at once, cycling through `requests`, and summarises them. */
export async function burst(
  baseUrl: string,
  route: string,
  requests: BurstRequest[],
  connections: number,
): Promise<BurstFigures> {
  const outcomes = await Promise.all(
    Array.from({ length: connections }, (_, index) => once(baseUrl, requests[index % requests.length]!)),
  );
  const timeouts = outcomes.filter((outcome) => outcome.failure === 'timeout').length;
  return {
    route,
    connections,
    maxMs: Math.max(0, ...outcomes.map((outcome) => outcome.ms)),
    // As autocannon counts them: a timeout is an error too.
    errors: outcomes.filter((outcome) => outcome.failure).length,
    timeouts,
    unexpectedStatuses: outcomes.filter(
      (outcome) => outcome.status !== undefined && (outcome.status < 200 || outcome.status > 299),
    ).length,
  };
}
