/**
 * `npm run bench:caseload [-- --participants 5000]`: the caseload list over HTTP at 50
 * connections, next to the bare health route in the same run. On a throwaway database it seeds
 * the volume program (as `seed:volume` does: 25 participants per specialist, assignment history,
 * goals, tasks, BARC-10, flags), boots the real API and runs autocannon (in a child process)
 * against GET /api/health and GET /api/v1/participants?limit=25 in turns, every connection
 * rotating over API tokens of all the program's specialists. Then one round each of the
 * `sort=lastContact` and `contact=overdue` variants, when the API accepts them, and one round on a
 * second instance whose audit rows are dropped in this harness (a diagnostic of the trail's share),
 * and one each on two more that answer each caller's page from memory after its first read: the
 * floor any caseload query could reach, with the token check still paid, with and without the
 * page's audit rows (and, with them, the audit trail's own rows per second).
 *
 * Targets: caseload req/s ≥ 50% of the health route's, caseload p95 ≤ 25 ms. Prints PASS/MISS,
 * and where each route's CPU went per request (API, PostgreSQL, load generator, whole machine);
 * any non-2xx response or socket error fails the run (a bench measuring 401s is worthless).
 *
 * BENCH_DATABASE_URL: a server where this user may CREATE DATABASE (a superuser for VACUUM of
 * every table); without it, an embedded PostgreSQL is started for the run. BENCH_PARTICIPANTS
 * (or --participants) sizes the program, BENCH_DURATION the seconds per run (15), BENCH_ROUNDS
 * the health/caseload rounds (2). The database (and the server) are removed at the end.
 */
import { cpus, loadavg } from 'node:os';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuditContext, AuditWriter } from '@waypoint/api-audit';
import { ParticipantsRepository } from '@waypoint/api-participants';
import { Client } from 'pg';
import { type CpuPerRequest, cpuPerRequest, cpuSnapshot } from './lib/cpu-accounting';
import { createBenchDatabase } from './lib/bench-database';
import { seedCareWorkVolume, volumeShape } from './lib/care-work-volume';
import { seedProgram } from './lib/caseload-data';
import { issueBenchTokens, load, type LoadRequest, type LoadResult, startApi } from './lib/http-load';
import { Teardown } from './lib/teardown';

const CONNECTIONS = 50;
const PAGE_SIZE = 25;
const HEALTH_PATH = '/api/health';
const CASELOAD_PATH = `/api/v1/participants?limit=${PAGE_SIZE}`;
/** Variants measured once each when the API accepts their query parameters (else a 400: skipped). */
const VARIANTS = [
  { label: 'caseload sort=lastContact', path: `${CASELOAD_PATH}&sort=lastContact` },
  { label: 'caseload contact=overdue', path: `${CASELOAD_PATH}&contact=overdue` },
];
const WARM_UP_SECONDS = 3;
const TARGET_RATIO = 0.5;
const TARGET_P95_MS = 25;

const PARTICIPANTS = setting('participants', 'BENCH_PARTICIPANTS', 5000, 25, 1_000_000);
const SECONDS = setting(null, 'BENCH_DURATION', 15, 1, 600);
const ROUNDS = setting(null, 'BENCH_ROUNDS', 2, 1, 20);

interface Row {
  label: string;
  result: LoadResult;
  /** Seconds the run lasted (total ÷ requests/s), for adding rounds up. */
  seconds: number;
  /** Where the machine's CPU went, per request (lib/cpu-accounting.ts). */
  cpu: CpuPerRequest;
}

async function main(): Promise<void> {
  const teardown = new Teardown();
  let interrupted = false;
  const stop = (signal: string) => {
    interrupted = true;
    process.stderr.write(`\n${signal}: cleaning up\n`);
    void teardown.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  try {
    const database = await createBenchDatabase(teardown, 'bench_caseload');
    const owner = new Client({ connectionString: database.ownerUrl, application_name: 'waypoint-bench' });
    await owner.connect();
    teardown.defer('close the owner connection', () => owner.end());
    const [{ server }] = (await owner.query(`SELECT current_setting('server_version') AS server`)).rows;
    console.log(`caseload list vs health route over HTTP, ${CONNECTIONS} connections`);
    console.log(`PostgreSQL ${server} (${database.description}); Node ${process.version}`);
    console.log(`machine: ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)} at start`);
    for (const note of database.notes) console.log(`note: ${note}`);

    // 1. The volume set, as `seed:volume` builds it.
    const seedStarted = performance.now();
    const shape = volumeShape('bench-caseload', PARTICIPANTS);
    const program = await seedProgram(owner, shape);
    const work = await seedCareWorkVolume(owner, program.programId);
    // A settled database, as autovacuum would leave it: statistics and visibility map current.
    await owner.query('VACUUM (ANALYZE) programs, teams, users, participants, care_assignments, goals, goal_steps, goal_progress, tasks, assessments');
    console.log(
      `\nseeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s: ${PARTICIPANTS} participants, ${shape.teams} teams, ` +
        `${shape.teams * shape.specialistsPerTeam} specialists; ${Object.entries(work).map(([what, n]) => `${n} ${what}`).join(', ')}`,
    );

    // 2. Every specialist with a caseload today, each with an API token.
    const specialists: { userId: string; caseload: number }[] = (
      await owner.query(
        `SELECT ca.specialist_id AS "userId", count(DISTINCT ca.participant_id)::int AS caseload
           FROM care_assignments ca JOIN users u ON u.id = ca.specialist_id AND u.role = 'specialist'
          WHERE ca.program_id = $1 AND ca.starts_on <= current_date AND (ca.ends_on IS NULL OR ca.ends_on > current_date)
          GROUP BY 1 ORDER BY md5(ca.specialist_id::text)`,
        [program.programId],
      )
    ).rows;
    if (specialists.length === 0) throw new Error('the volume program has no specialist with a caseload');
    const sizes = specialists.map((s) => s.caseload).sort((a, b) => a - b);
    console.log(
      `caseloads (participants in each specialist's care-team scope today): ${specialists.length} specialists, ` +
        `min ${sizes[0]}, median ${sizes[Math.floor(sizes.length / 2)]}, max ${sizes[sizes.length - 1]}`,
    );
    const tokens = await issueBenchTokens(owner, specialists.map((s) => ({ userId: s.userId, programId: program.programId, role: 'specialist' })));
    const as = (path: string): LoadRequest[] =>
      specialists.map((s) => ({ path, headers: { authorization: `Bearer ${tokens.get(s.userId)}`, 'user-agent': 'waypoint-bench' } }));
    const health: LoadRequest[] = [{ path: HEALTH_PATH, headers: { 'user-agent': 'waypoint-bench' } }];
    const caseload = as(CASELOAD_PATH);

    // 3. The real API, then a check that every route answers as expected before measuring.
    const api = await startApi(database.ownerUrl, teardown);
    await probe(api.url, health[0] as LoadRequest, 'health');
    const firstPage = await probe(api.url, caseload[0] as LoadRequest, 'caseload');
    const items = (firstPage.body as { items?: unknown[] }).items?.length ?? 0;
    if (items === 0) throw new Error(`GET ${CASELOAD_PATH} returned no items for a specialist with a caseload`);
    console.log(`API on ${api.url}; GET ${CASELOAD_PATH} → ${items} rows, ${firstPage.bytes} bytes for the first token`);
    const variants: { label: string; requests: LoadRequest[] }[] = [];
    for (const variant of VARIANTS) {
      const answer = await probe(api.url, { path: variant.path, headers: caseload[0]?.headers }, variant.label, [200, 400]);
      if (answer.status === 400) console.log(`note: GET ${variant.path} answers 400 (not supported by this API yet): skipped`);
      else variants.push({ label: variant.label, requests: as(variant.path) });
    }

    console.log(`\nwarm-up: ${WARM_UP_SECONDS} s of each route, then ${ROUNDS} rounds of ${SECONDS} s per route, in turns (autocannon in a child process)`);
    const warmUp = [await load(api.url, CONNECTIONS, WARM_UP_SECONDS, health), await load(api.url, CONNECTIONS, WARM_UP_SECONDS, caseload)];
    const unexpected = warmUp.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
    if (unexpected > 0) throw new Error(`warm-up: ${unexpected} non-2xx responses, errors or timeouts`);

    const rows: Row[] = [];
    /**
     * One measured run. With `trailBackpressure`, a 503 (the audit trail's backlog is full) is an
     * outcome to report rather than a failure, and req/s counts only the answered (200) requests.
     */
    const run = async (label: string, requests: LoadRequest[], url = api.url, options: { trailBackpressure?: boolean } = {}) => {
      const before = cpuSnapshot();
      const measured = await load(url, CONNECTIONS, SECONDS, requests);
      const refused = options.trailBackpressure ? (measured.statuses['503'] ?? 0) : 0;
      const seconds = measured.requestsPerSecond > 0 ? measured.total / measured.requestsPerSecond : SECONDS;
      const result = refused === 0 ? measured : { ...measured, total: measured.total - refused, requestsPerSecond: (measured.total - refused) / seconds };
      const cpu = cpuPerRequest(before, cpuSnapshot(), result.total, result.cpuMs ?? null);
      const row = { label, result, seconds, cpu };
      rows.push(row);
      console.log(`  ${label}: ${formatRow(row)}`);
      if (result.non2xx > refused || result.errors > 0 || result.timeouts > 0) {
        printTable(rows);
        throw new Error(`${label}: ${result.non2xx} non-2xx responses (by status: ${JSON.stringify(result.statuses)}), ${result.errors} errors, ${result.timeouts} timeouts; the numbers above do not measure the route`);
      }
      return row;
    };
    for (let round = 1; round <= ROUNDS; round++) {
      await run(`health #${round}`, health);
      await run(`caseload #${round}`, caseload);
    }
    for (const variant of variants) await run(variant.label, variant.requests);
    // Diagnostic, not a product mode: the same caseload with its 25 audit rows per page dropped
    // in this harness (as bench:audit does), to show what the trail's share of the cost is.
    const unaudited = await startApi(database.ownerUrl, teardown, dropReadAuditRows);
    await load(unaudited.url, CONNECTIONS, WARM_UP_SECONDS, caseload);
    await run('caseload, no audit rows (diagnostic)', caseload, unaudited.url);
    // Diagnostics: the floor of any caseload query. Each specialist's page is read once and then
    // answered from memory, while everything else a request must do still happens (token check,
    // guards, validation, the JSON of the same 25 rows, and, in the first, its 25 audit rows).
    // No query work can beat these; the trail's own rate says where the first one stops.
    const trailHead = async () => Number((await owner.query('SELECT last_id FROM audit_chain_head')).rows[0].last_id);
    for (const audited of [true, false]) {
      const floor = await startApi(database.ownerUrl, teardown, (app) => {
        answerPagesFromMemory(app);
        if (!audited) dropReadAuditRows(app);
      });
      await load(floor.url, CONNECTIONS, WARM_UP_SECONDS, caseload);
      const [head, started] = [await trailHead(), performance.now()];
      const label = audited ? 'floor: page from memory (diagnostic)' : 'floor, no audit rows (diagnostic)';
      const row = await run(label, caseload, floor.url, { trailBackpressure: audited });
      if (audited) {
        const written = (await trailHead()) - head;
        const perSecond = written / ((performance.now() - started) / 1000);
        console.log(
          `    the audit trail wrote ${perSecond.toFixed(0)} rows/s meanwhile (${(perSecond / PAGE_SIZE).toFixed(0)} pages of ${PAGE_SIZE}/s); ` +
            `${row.result.non2xx} requests were refused (503) while its backlog was full`,
        );
      }
    }

    // 4. The table and the verdict.
    const healthAll = combine('health (all rounds)', rows.filter((r) => r.label.startsWith('health #')));
    const caseloadAll = combine('caseload (all rounds)', rows.filter((r) => r.label.startsWith('caseload #')));
    printTable([...rows, healthAll, caseloadAll], healthAll.result.requestsPerSecond);
    printCpuTable([...rows, healthAll, caseloadAll]);
    const ratio = caseloadAll.result.requestsPerSecond / healthAll.result.requestsPerSecond;
    const worstP95 = Math.max(...rows.filter((r) => r.label.startsWith('caseload #')).map((r) => r.result.p95));
    console.log(`\n  "all rounds": requests summed over the rounds' time; latency percentiles are the mean of the rounds'`);
    console.log(`  floor rows: req/s counts answered (200) requests only; their non-2xx are 503s, the trail's backpressure`);
    console.log(
      `  ${ratio >= TARGET_RATIO ? 'PASS' : 'MISS'}  caseload req/s ÷ health req/s = ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO.toFixed(2)})`,
    );
    console.log(
      `  ${caseloadAll.result.p95 <= TARGET_P95_MS ? 'PASS' : 'MISS'}  caseload p95 = ${caseloadAll.result.p95.toFixed(1)} ms ` +
        `(target ≤ ${TARGET_P95_MS} ms; worst round ${worstP95.toFixed(1)} ms)`,
    );
    const [healthCpu, caseloadCpu] = [healthAll.cpu.machineMs, caseloadAll.cpu.machineMs];
    if (healthCpu !== null && caseloadCpu !== null) {
      console.log(
        `  CPU: a caseload page costs the machine ${caseloadCpu.toFixed(2)} ms of CPU, the health route ${healthCpu.toFixed(2)} ms: ` +
          `with every CPU busy, that alone bounds the ratio near ${(healthCpu / caseloadCpu).toFixed(2)}`,
      );
    }
    console.log(`\nload average ${loadavg()[0]?.toFixed(1)} at the end`);
  } catch (error) {
    if (!interrupted) {
      process.exitCode = 1;
      console.error(`\nFAILED: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    }
  } finally {
    await teardown.run();
  }
}

/** Drops the read audit rows in this harness (as bench:audit does): a diagnostic, never a product mode. */
function dropReadAuditRows(app: NestExpressApplication): void {
  app.get(AuditWriter).enqueue = () => undefined;
}

/**
 * Replaces the caseload statement by a per-caller, per-query memo of its first answer. Each page
 * still names its participants to the audit trail, as the real read does.
 */
function answerPagesFromMemory(app: NestExpressApplication): void {
  const repository = app.get(ParticipantsRepository);
  const read = repository.list.bind(repository);
  const pages = new Map<string, ReturnType<typeof read>>();
  repository.list = async (auth, page) => {
    const key = `${auth.userId} ${JSON.stringify(page)}`;
    const known = pages.get(key);
    if (!known) {
      const first = read(auth, page);
      pages.set(key, first);
      return first;
    }
    const answer = await known;
    AuditContext.touch(answer.items.map((row) => String(row['id'])));
    return answer;
  };
}

/** One request with Node's fetch; throws unless the status is one of `accept`. */
async function probe(url: string, request: LoadRequest, label: string, accept = [200]): Promise<{ status: number; body: unknown; bytes: number }> {
  const response = await fetch(`${url}${request.path}`, { headers: request.headers });
  const text = await response.text();
  if (!accept.includes(response.status)) throw new Error(`${label}: GET ${request.path} answered ${response.status}: ${text.slice(0, 300)}`);
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: only the status matters to the caller.
  }
  return { status: response.status, body, bytes: Buffer.byteLength(text) };
}

/** Rounds of one route as one row: requests over the summed time, the mean of the rounds' percentiles. */
function combine(label: string, rounds: Row[]): Row {
  const sum = (pick: (r: LoadResult) => number) => rounds.reduce((total, r) => total + pick(r.result), 0);
  const mean = (pick: (r: LoadResult) => number) => sum(pick) / rounds.length;
  const seconds = rounds.reduce((total, r) => total + r.seconds, 0);
  const total = sum((r) => r.total);
  // Per-request CPU over all the rounds' requests (the busy share over all their time), not
  // the mean of the rounds' figures.
  const weighted = (pick: (cpu: CpuPerRequest) => number | null, weight: (r: Row) => number): number | null => {
    if (rounds.some((r) => pick(r.cpu) === null)) return null;
    const weights = rounds.reduce((all, r) => all + weight(r), 0);
    return rounds.reduce((all, r) => all + (pick(r.cpu) ?? 0) * weight(r), 0) / Math.max(Number.EPSILON, weights);
  };
  const cpuMean = (pick: (cpu: CpuPerRequest) => number | null) => weighted(pick, (r) => r.result.total);
  return {
    label,
    seconds,
    cpu: {
      apiMs: cpuMean((c) => c.apiMs) ?? 0,
      postgresMs: cpuMean((c) => c.postgresMs),
      loadGeneratorMs: cpuMean((c) => c.loadGeneratorMs),
      machineMs: cpuMean((c) => c.machineMs),
      machineBusy: weighted((c) => c.machineBusy, (r) => r.seconds),
    },
    result: {
      requestsPerSecond: total / seconds,
      total,
      p50: mean((r) => r.p50),
      p95: mean((r) => r.p95),
      p99: mean((r) => r.p99),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      timeouts: sum((r) => r.timeouts),
      statuses: rounds.reduce<Record<string, number>>((all, r) => {
        for (const [status, count] of Object.entries(r.result.statuses ?? {})) all[status] = (all[status] ?? 0) + count;
        return all;
      }, {}),
    },
  };
}

function formatRow(row: Row): string {
  const r = row.result;
  return `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms, ${r.non2xx} non-2xx, ${r.errors} errors`;
}

function printTable(rows: Row[], healthPerSecond?: number): void {
  const line = tableLine([36, 8, 8, 8, 8, 9, 8, 7, 9]);
  line.heading(['route', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'non-2xx', 'errors', '÷ health']);
  for (const row of rows) {
    const r = row.result;
    const ratio = healthPerSecond && !row.label.startsWith('health') ? (r.requestsPerSecond / healthPerSecond).toFixed(2) : '';
    line([
      row.label,
      r.requestsPerSecond.toFixed(0),
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.p99.toFixed(1),
      String(r.total),
      String(r.non2xx),
      String(r.errors + r.timeouts),
      ratio,
    ]);
  }
}

/**
 * CPU milliseconds per request by where they were spent. The machine column is all CPUs' busy
 * time over the requests; what the three named columns leave of it is the kernel's network
 * work and everything else running.
 */
function printCpuTable(rows: Row[]): void {
  const ms = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));
  const line = tableLine([36, 8, 9, 9, 8, 6]);
  line.heading(['CPU ms per request', 'API', 'Postgres', 'load gen', 'machine', 'busy']);
  for (const { label, cpu } of rows) {
    const busy = cpu.machineBusy === null ? 'n/a' : `${Math.round(cpu.machineBusy * 100)}%`;
    line([label, ms(cpu.apiMs), ms(cpu.postgresMs), ms(cpu.loadGeneratorMs), ms(cpu.machineMs), busy]);
  }
}

/** Prints a table's rows in these column widths (the first left-aligned, the rest right); `heading` adds a rule under it. */
function tableLine(widths: number[]): ((cells: string[]) => void) & { heading(cells: string[]): void } {
  const format = (cells: string[]) => `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' ')}`;
  const print = (cells: string[]) => console.log(format(cells));
  return Object.assign(print, {
    heading(cells: string[]) {
      console.log(`\n${format(cells)}`);
      console.log(`  ${'-'.repeat(widths.reduce((a, b) => a + b + 1, -1))}`);
    },
  });
}

/** A whole number from `--flag N` (first) or the environment, within [min, max]; exits 2 otherwise. */
function setting(flag: string | null, env: string, fallback: number, min: number, max: number): number {
  const index = flag ? process.argv.indexOf(`--${flag}`) : -1;
  const raw = index >= 0 ? process.argv[index + 1] : process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`${index >= 0 ? `--${flag}` : env} must be a whole number from ${min} to ${max} (got "${raw}")`);
    process.exit(2);
  }
  return value;
}

void main();
