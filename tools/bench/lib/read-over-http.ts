import { AuditWriter } from '@waypoint/api-audit';
import type { Client } from 'pg';
import { issueBenchTokens, load, type LoadRequest, type LoadResult, startApi } from './http-load';
import type { Teardown } from './teardown';

const CONNECTIONS = [1, 4, 8];
/** Paired rounds (off and on back to back): this machine's throughput drifts by ±10% over a minute. */
const ROUNDS = Number(process.env['BENCH_HTTP_ROUNDS'] ?? 6);
const SECONDS_PER_BURST = 4;
const PAIRS = 2000;

/**
 * GET /api/v1/participants/:id through the whole API (HTTP, API-token authentication, the scope
 * query, serialization, the audit interceptor), against the same read with its audit write
 * removed. Two instances of the real app run in this process; in the "off" one the harness
 * replaces AuditWriter.enqueue with a no-op after boot. That replacement exists only here:
 * the product has no way to turn auditing off. autocannon runs in a child process and the
 * two instances take turns, so background load falls on both alike.
 */
export async function measureReadOverHttp(context: { owner: Client; ownerUrl: string; programId: string; teardown: Teardown }): Promise<void> {
  const { owner, ownerUrl, programId, teardown } = context;
  const pairs: { participantId: string; specialistId: string }[] = (
    await owner.query(
      `SELECT participant_id AS "participantId", specialist_id AS "specialistId" FROM care_assignments
        WHERE program_id = $1 AND kind = 'primary' AND starts_on <= current_date AND (ends_on IS NULL OR ends_on > current_date)
        ORDER BY md5(participant_id::text || 'http') LIMIT ${PAIRS}`,
      [programId],
    )
  ).rows;
  const tokens = await issueBenchTokens(owner, pairs.map((pair) => ({ userId: pair.specialistId, programId, role: 'specialist' })));
  const requests: LoadRequest[] = pairs.map((pair) => ({
    path: `/api/v1/participants/${pair.participantId}`,
    headers: { authorization: `Bearer ${tokens.get(pair.specialistId)}`, 'user-agent': 'waypoint-bench' },
  }));

  const on = await startApi(ownerUrl, teardown);
  const off = await startApi(ownerUrl, teardown, (app) => {
    app.get(AuditWriter).enqueue = () => undefined;
  });
  const before = Number((await owner.query(`SELECT last_id FROM audit_chain_head`)).rows[0].last_id);

  console.log(`\n5. GET /api/v1/participants/:id over HTTP, with and without its audit write (the whole API; autocannon in a child process)`);
  console.log(`  ${pairs.length} (specialist token, participant) pairs in turn; "off" = the same app with AuditWriter.enqueue replaced by a no-op in this harness`);
  // Warm both (JIT, pools, plans) before measuring.
  for (const target of [on, off]) await load(target.url, 4, 2, requests);
  const results = new Map<string, LoadResult[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const connections of CONNECTIONS) {
      const order = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
      for (const mode of order) {
        const result = await load((mode === 'on' ? on : off).url, connections, SECONDS_PER_BURST, requests);
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${mode} at ${connections} connections: ${result.non2xx} non-2xx, ${result.errors} errors`);
        const key = `${mode}@${connections}`;
        results.set(key, [...(results.get(key) ?? []), result]);
      }
    }
  }
  await on.app.get(AuditWriter).flush();
  const written = Number((await owner.query(`SELECT last_id FROM audit_chain_head`)).rows[0].last_id) - before;

  // Requests over the summed burst time; latency percentiles as the median of the bursts'.
  const summary = (key: string) => {
    const bursts = results.get(key) ?? [];
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    return {
      perSecond: bursts.reduce((sum, r) => sum + r.total, 0) / (bursts.length * SECONDS_PER_BURST),
      p50: median(bursts.map((r) => r.p50)),
      p95: median(bursts.map((r) => r.p95)),
      total: bursts.reduce((sum, r) => sum + r.total, 0),
    };
  };
  console.log(`\n  Requests/s (p50 / p95 ms), ${ROUNDS} × ${SECONDS_PER_BURST} s per cell, modes interleaved`);
  console.log(`  ${''.padEnd(12)}${CONNECTIONS.map((c) => `${c} connection${c === 1 ? '' : 's'}`.padEnd(26)).join('')}`);
  for (const mode of ['off', 'on']) {
    const cells = CONNECTIONS.map((c) => {
      const s = summary(`${mode}@${c}`);
      return `${s.perSecond.toFixed(0).padStart(6)} (${s.p50.toFixed(0)} / ${s.p95.toFixed(0)})`.padEnd(26);
    });
    console.log(`  ${mode.padEnd(12)}${cells.join('')}`);
  }
  const ratios = CONNECTIONS.map((c) => summary(`on@${c}`).perSecond / summary(`off@${c}`).perSecond);
  console.log(`  ${'on / off'.padEnd(12)}${ratios.map((r) => `${r.toFixed(2)} ${r >= 0.85 ? '(meets ≥ 0.85)' : '(MISSES ≥ 0.85)'}`.padEnd(26)).join('')}`);
  // Each round's on ÷ off, from bursts seconds apart: the spread shows how much is the machine.
  const paired = CONNECTIONS.map((c) => {
    const off = results.get(`off@${c}`) ?? [];
    return (results.get(`on@${c}`) ?? []).map((on, round) => on.total / (off[round]?.total ?? Number.NaN)).sort((a, b) => a - b);
  });
  console.log(`  ${'per round'.padEnd(12)}${paired.map((r) => `${r[0]?.toFixed(2)}–${r.at(-1)?.toFixed(2)}, median ${r[Math.floor(r.length / 2)]?.toFixed(2)}`.padEnd(26)).join('')}`);
  const audited = CONNECTIONS.reduce((sum, c) => sum + summary(`on@${c}`).total, 0);
  console.log(`  audit rows written by the "on" instance: ${written} for ${audited} measured reads (+ its warm-up); the "off" instance wrote none of its reads`);
}
