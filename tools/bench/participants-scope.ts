/**
 * `npm run bench:participants-scope`: what the care-team scope costs the participants list.
 * Runs the list statement of ParticipantsRepository.list(), built from the real scope
 * predicate and select list, as a specialist and as a supervisor, against the same statement
 * filtered by program alone, on a throwaway database holding two programs of realistic shape.
 * Prints latency, throughput, plans and scoped/unscoped ratios. Not part of `npm test`: it
 * measures, it does not judge.
 *
 * BENCH_DATABASE_URL: a server where this user may CREATE DATABASE; without it, an embedded
 * PostgreSQL is started for the run. The database (and the server) are removed at the end.
 */
import { cpus, loadavg } from 'node:os';
import type { AuthContext } from '@waypoint/api-auth';
import { appConnectionOptions, withErrorListener } from '@waypoint/api-database';
import { SqlParams } from '@waypoint/api-participants';
import { Client, Pool } from 'pg';
import { createBenchDatabase } from './lib/bench-database';
import { type ProgramShape, type SeededProgram, seedProgram } from './lib/caseload-data';
import { careTeamScope, listQuery, type NameKey, nameKey, programOnly, type Query, type Scope, verifyAgainstRepository } from './lib/list-query';
import { Samples } from './lib/measure';
import { planSummary } from './lib/plan-summary';
import { Teardown } from './lib/teardown';

const MEASURED: ProgramShape = { slug: 'bench-a', teams: 20, specialistsPerTeam: 10, participants: 20_000 };
// A second program of similar size, so the program filter has rows to exclude.
const NEIGHBOUR: ProgramShape = { slug: 'bench-b', teams: 22, specialistsPerTeam: 10, participants: 22_000 };
const PAGE_SIZE = 25;
/** The later page starts after this many rows: page 4, as after three clicks on "next". */
const LATER_PAGE_SKIP = 75;
const WARM_UP = 30;
const SEQUENTIAL_RUNS = 300;
const CONCURRENCY = [1, 4, 8];
// Subjects take turns, a block of sequential queries or a short burst each, so that background
// load on the machine falls on all of them alike. Blocks rather than single queries: switching
// statement on every query added ~0.1 ms to each, which blurs the cheap ones.
const ROUNDS = 3;
const SECONDS_PER_BURST = 1;

interface Subject {
  label: string;
  inScope: number;
  first: Query;
  later: Query;
  firstPage: Samples;
  laterPage: Samples;
  /** First-page samples under load, by concurrency. */
  load: Map<number, Samples>;
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
    const database = await createBenchDatabase(teardown);
    const owner = new Client({ connectionString: database.ownerUrl, application_name: 'waypoint-bench' });
    await owner.connect();
    teardown.defer('close the owner connection', () => owner.end());
    const [{ server }] = (await owner.query(`SELECT current_setting('server_version') AS server`)).rows;
    console.log(`participants list: care-team scope vs program only`);
    console.log(`PostgreSQL ${server} (${database.description}); Node ${process.version}`);
    console.log(`machine: ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)} at start`);
    for (const note of database.notes) console.log(`note: ${note}`);

    const seedStarted = performance.now();
    const program = await seedProgram(owner, MEASURED);
    await seedProgram(owner, NEIGHBOUR);
    // A settled database, as autovacuum would leave it: statistics and visibility map current.
    await owner.query('VACUUM (ANALYZE) programs, teams, users, participants, care_assignments');
    console.log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s: ${await describeData(owner)}`);

    // The API's connection settings: every connection runs as waypoint_app.
    const { options } = appConnectionOptions(database.ownerUrl, Math.max(...CONCURRENCY), 60_000).extra;
    const pool = withErrorListener(new Pool({ connectionString: database.ownerUrl, max: Math.max(...CONCURRENCY), application_name: 'waypoint-bench', options }));
    teardown.defer('close the pool', () => pool.end());
    const [{ role }] = (await pool.query('SELECT current_user AS role')).rows;
    console.log(`queries run as ${role}; page size ${PAGE_SIZE}; later page = rows ${LATER_PAGE_SKIP + 1}–${LATER_PAGE_SKIP + PAGE_SIZE}`);

    const subjects = [
      await scopedSubject(pool, 'specialist', callers(program).specialist),
      await scopedSubject(pool, 'supervisor', callers(program).supervisor),
      await baselineSubject(pool, program.programId),
    ];
    console.log(`rows in scope: ${subjects.map((s) => `${s.label} ${s.inScope}`).join(', ')}`);
    console.log(`statements match ParticipantsRepository.list() (checked for both scoped callers, first and later page)`);

    await printPlans(pool, subjects);
    await measure(pool, subjects);
    report(subjects);
    console.log(`\nload average ${loadavg()[0]?.toFixed(1)} at the end`);
  } catch (error) {
    if (!interrupted) {
      process.exitCode = 1;
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    }
  } finally {
    await teardown.run();
  }
}

async function printPlans(pool: Pool, subjects: Subject[]): Promise<void> {
  console.log(`\nPlans (EXPLAIN ANALYZE, BUFFERS; one execution each, warm cache)`);
  for (const subject of subjects) {
    await pool.query(subject.first.text, subject.first.values); // so the explained run finds a warm cache
    for (const [page, query] of [['first page', subject.first], ['later page', subject.later]] as const) {
      const [head, ...tree] = await planSummary(pool, query);
      console.log(`  ${subject.label}, ${page}: ${head}`);
      for (const line of tree) console.log(`      ${line}`);
    }
  }
}

async function measure(pool: Pool, subjects: Subject[]): Promise<void> {
  const run = (query: Query) => () => pool.query(query.text, query.values);
  for (let i = 0; i < WARM_UP; i++) {
    for (const subject of subjects) {
      await run(subject.first)();
      await run(subject.later)();
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const subject of subjects) {
      for (let i = 0; i < SEQUENTIAL_RUNS / ROUNDS; i++) await subject.firstPage.time(run(subject.first));
      for (let i = 0; i < SEQUENTIAL_RUNS / ROUNDS; i++) await subject.laterPage.time(run(subject.later));
    }
    for (const concurrency of CONCURRENCY) {
      for (const subject of subjects) {
        const samples = subject.load.get(concurrency) ?? new Samples();
        subject.load.set(concurrency, samples);
        await samples.saturate(run(subject.first), concurrency, SECONDS_PER_BURST);
      }
    }
  }
}

function callers(program: SeededProgram): { specialist: AuthContext; supervisor: AuthContext } {
  const common = { programId: program.programId, teamId: program.teamId, organizationId: null, sessionId: null, via: 'api-token' as const };
  return {
    specialist: { ...common, userId: program.specialistId, role: 'specialist' },
    supervisor: { ...common, userId: program.supervisorId, role: 'supervisor' },
  };
}

async function scopedSubject(pool: Pool, label: string, auth: AuthContext): Promise<Subject> {
  const after = await verifyAgainstRepository(pool, auth, PAGE_SIZE, LATER_PAGE_SKIP);
  return subject(pool, label, careTeamScope(auth), after);
}

async function baselineSubject(pool: Pool, programId: string): Promise<Subject> {
  const scope = programOnly(programId);
  const head = listQuery(scope, { limit: LATER_PAGE_SKIP });
  const { rows } = await pool.query(head.text, head.values);
  return subject(pool, 'unscoped', scope, nameKey(rows[LATER_PAGE_SKIP - 1]));
}

async function subject(pool: Pool, label: string, scope: Scope, after: NameKey): Promise<Subject> {
  const params = new SqlParams();
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM participants p WHERE ${scope(params)}`, params.values);
  return {
    label,
    inScope: rows[0].n,
    first: listQuery(scope, { limit: PAGE_SIZE }),
    later: listQuery(scope, { limit: PAGE_SIZE, after }),
    firstPage: new Samples(),
    laterPage: new Samples(),
    load: new Map(),
  };
}

async function describeData(owner: Client): Promise<string> {
  const { rows } = await owner.query(`
    SELECT (SELECT count(*) FROM programs) AS programs, (SELECT count(*) FROM teams) AS teams,
           (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM participants) AS participants,
           count(*) AS assignments,
           count(*) FILTER (WHERE ends_on <= current_date) AS ended,
           count(*) FILTER (WHERE starts_on > current_date) AS future
      FROM care_assignments`);
  const r = rows[0];
  return (
    `${r.programs} programs (${MEASURED.participants} + ${NEIGHBOUR.participants} participants), ${r.teams} teams, ${r.users} users, ` +
    `${r.participants} participants, ${r.assignments} care assignments (${r.ended} ended, ${r.future} starting later)`
  );
}

function report(subjects: Subject[]): void {
  const label = (text: string) => `  ${text.padEnd(12)}`;
  const ms = (samples: Samples | undefined, p: number) => (samples?.percentile(p) ?? Number.NaN).toFixed(2);
  const latency = (samples?: Samples) => `${ms(samples, 50).padStart(6)} / ${ms(samples, 95).padStart(6)}`;

  console.log(`\nSequential latency, ms, p50 / p95 (n=${SEQUENTIAL_RUNS} each in ${ROUNDS} blocks, after ${WARM_UP} warm-up runs)`);
  console.log(`${label('')}${'first page'.padEnd(20)}later page`);
  for (const s of subjects) console.log(`${label(s.label)}${latency(s.firstPage).padEnd(20)}${latency(s.laterPage)}`);

  console.log(`\nThroughput, first page, queries/s (${ROUNDS} × ${SECONDS_PER_BURST} s per level; p50 / p95 ms under load)`);
  console.log(`${label('')}${CONCURRENCY.map((c) => `concurrency ${c}`.padEnd(28)).join('')}`);
  for (const s of subjects) {
    const cells = CONCURRENCY.map((c) => {
      const load = s.load.get(c);
      return `${(load?.perSecond ?? Number.NaN).toFixed(0).padStart(6)}  (${ms(load, 50)} / ${ms(load, 95)})`.padEnd(28);
    });
    console.log(`${label(s.label)}${cells.join('')}`);
  }

  const baseline = subjects.find((s) => s.label === 'unscoped');
  if (!baseline) return;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`\nScoped / unscoped (latency: above 1 is slower; throughput: below 1 is fewer queries/s)`);
  console.log(`${label('')}${'p50 first'.padEnd(12)}${'p50 later'.padEnd(12)}${CONCURRENCY.map((c) => `q/s c=${c}`.padEnd(11)).join('')}`);
  for (const s of subjects.filter((candidate) => candidate !== baseline)) {
    const load = CONCURRENCY.map((c) => ratio(s.load.get(c)?.perSecond ?? Number.NaN, baseline.load.get(c)?.perSecond ?? Number.NaN).padEnd(11));
    console.log(
      `${label(s.label)}${ratio(s.firstPage.percentile(50), baseline.firstPage.percentile(50)).padEnd(12)}` +
        `${ratio(s.laterPage.percentile(50), baseline.laterPage.percentile(50)).padEnd(12)}${load.join('')}`,
    );
  }
}

void main();
