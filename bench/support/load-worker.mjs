// The load generator of bench/visas.bench.ts: autocannon in a worker thread of the bench process, so
// the client does not share the server's event loop (it still shares the machine's cores).
// Plain JavaScript because autocannon ships no types and a worker is started from a file.
//
// Messages from the parent:
//   { id, cmd: 'run', url, method, path, headers, visaNumbers?, body?, seconds, connections }
//       → { id, result }   the raw result of one run (encoded latency histogram, counters)
//   { id, cmd: 'aggregate', results }
//       → { id, summary }   several raw runs of one target merged: latency percentiles over all their
//                           responses, req/s = completed requests ÷ summed duration, status counts
// Any failure → { id, error }.
import { parentPort } from 'node:worker_threads';
import autocannon from 'autocannon';

if (!parentPort) throw new Error('load-worker.mjs runs as a worker thread only');

function run(m) {
  return new Promise((resolve, reject) => {
    const nums = m.visaNumbers ?? null;
    const request = {
      method: m.method,
      path: m.path,
      headers: m.headers,
      ...(nums
        ? // A random one of the given visa numbers in each request.
          { setupRequest: (req) => ({ ...req, body: JSON.stringify({ visaNumber: nums[Math.floor(Math.random() * nums.length)] }) }) }
        : { body: m.body }),
    };
    // In a worker thread autocannon returns the raw result (histograms encoded), which can be merged later.
    autocannon(
      { url: m.url, connections: m.connections, duration: m.seconds, requests: [request], skipAggregateResult: true },
      (err, res) => {
        if (err) reject(err);
        else resolve(res);
      },
    );
  });
}

function aggregate(results) {
  // aggregateResult validates its options as for a run: it wants a url, which the summary does not use.
  const merged = autocannon.aggregateResult(results, { url: 'http://127.0.0.1/' });
  const completed = results.reduce((a, r) => a + r.totalCompletedRequests, 0);
  const seconds = results.reduce((a, r) => a + r.duration, 0);
  return {
    runs: results.length,
    seconds,
    completed,
    reqPerSec: completed / seconds,
    p50: merged.latency.p50,
    p90: merged.latency.p90,
    p99: merged.latency.p99,
    max: merged.latency.max,
    latencyCount: merged.latency.totalCount,
    non2xx: merged.non2xx,
    errors: merged.errors,
    timeouts: merged.timeouts,
    statusCodes: Object.fromEntries(Object.entries(merged.statusCodeStats).map(([k, v]) => [k, v.count])),
  };
}

parentPort.on('message', async (m) => {
  try {
    if (m.cmd === 'run') parentPort.postMessage({ id: m.id, result: await run(m) });
    else if (m.cmd === 'aggregate') parentPort.postMessage({ id: m.id, summary: aggregate(m.results) });
    else throw new Error(`unknown command ${m.cmd}`);
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
