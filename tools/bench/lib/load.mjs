#!/usr/bin/env node
/**
 * One autocannon run in its own process (so the load generator never shares the API's event
 * loop). Reads its settings as JSON from stdin: { url, connections, seconds, requests, uniqueIds },
 * where `requests` is a list of { path, headers, method (GET unless given), body } taken in turn by
 * every connection; with `uniqueIds`, each `[<id>]` in a request is replaced by an id no other
 * request of the run gets (autocannon's idReplacement; e.g. an Idempotency-Key). Prints one JSON
 * line: requests/s, latency p50/p95/p99 (from every response's time: autocannon's own summary
 * has no p95), non-2xx count, responses by status and errors, and this process's own CPU time
 * during the run (the load generator's share of the machine, for the benches' CPU accounting).
 */
import autocannon from 'autocannon';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { url, connections, seconds, requests, uniqueIds } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const times = [];
/** Responses by status code, so a failed run says what it got (401s, 429s, 503s…). */
const statuses = {};
const cpuBefore = process.cpuUsage();
const instance = autocannon({
  url,
  connections,
  duration: seconds,
  requests: requests.map((r) => ({ method: 'GET', ...r })),
  idReplacement: Boolean(uniqueIds),
});
instance.on('response', (_client, status, _bytes, milliseconds) => {
  times.push(milliseconds);
  statuses[status] = (statuses[status] ?? 0) + 1;
});
const result = await instance;
const cpu = process.cpuUsage(cpuBefore);
times.sort((a, b) => a - b);
const percentile = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? Number.NaN;
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.total / (result.duration || seconds),
    total: result.requests.total,
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    cpuMs: (cpu.user + cpu.system) / 1000,
  })}\n`,
);
