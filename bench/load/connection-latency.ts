// npx tsx bench/load/connection-latency.ts <url> [--connections 100] [--seconds 20] [--warmup 3]
// [--slow-ms 1000]: keeps N keep-alive connections busy against a running server, one request at a
// time each, and reports which requests were slow: the first of their connection (a burst of new
// connections) or later ones (a steady-state queue). autocannon reports percentiles only, which
// cannot tell the two apart; this client is written here for that one question.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { summarizeConnectionTimings, type TimedRequest } from './connection-timing';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    connections: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    'slow-ms': { type: 'string', default: '1000' },
  },
});

const target = positionals[0];
if (!target) {
  console.error('usage: npx tsx bench/load/connection-latency.ts <url> [--connections 100] [--seconds 20]');
  process.exit(2);
}
const url = new URL(target);

function get(agent: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      response.resume();
      response.on('end', resolve);
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

async function run(seconds: number): Promise<TimedRequest[]> {
  const until = Date.now() + seconds * 1000;
  const timings: TimedRequest[] = [];
  await Promise.all(
    Array.from({ length: Number(flags.connections) }, async () => {
      // One socket per agent: each simulated client is one keep-alive connection.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (let index = 0; Date.now() < until; index++) {
        const started = performance.now();
        await get(agent);
        timings.push({ ms: performance.now() - started, indexOnConnection: index });
      }
      agent.destroy();
    }),
  );
  return timings;
}

if (Number(flags.warmup) > 0) await run(Number(flags.warmup));
const summary = summarizeConnectionTimings(await run(Number(flags.seconds)), Number(flags['slow-ms']));
const ms = (value: number) => `${Math.round(value)} ms`;
console.log(`${summary.requests} requests on ${flags.connections} connections in ${flags.seconds} s`);
console.log(`p50 ${ms(summary.p50Ms)}, p99 ${ms(summary.p99Ms)}, max ${ms(summary.maxMs)}`);
console.log(
  `over ${flags['slow-ms']} ms: ${summary.slow}, of which first on their connection: ${summary.slowFirstOnConnection}`,
);
console.log(`slowest request after the first on its connection: ${ms(summary.maxLaterMs)}`);
