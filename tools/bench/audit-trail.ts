/**
 * `npm run bench:audit`: the audit trail at 10 million rows (docs/security.md, "Audit trail"). On a
 * throwaway database it seeds two programs and a year of audit history in bulk, then measures, with
 * the libraries' own classes:
 *   2. one participant's month through AuditReportQuery (budget < 200 ms), with plans;
 *   3. the CSV export rate (batches() + csvLine into a null sink);
 *   4. participant reads/s with and without their audit insert at the service layer (target
 *      on/off ≥ 0.85), and what dominates the difference;
 *   5. the same over HTTP: GET /participants/:id through the whole API, audited and not.
 * Not part of `npm test`: it measures, it does not judge. Takes several minutes.
 *
 * BENCH_DATABASE_URL: a superuser on a server (the bulk seed sets session_replication_role);
 * without it, an embedded PostgreSQL is started for the run. BENCH_AUDIT_ROWS overrides the
 * 10 million (for trying the bench out); BENCH_AUDIT_SECTIONS picks sections (e.g. "4,5"; all by
 * default). The database (and the server) are removed at the end.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { AuthContext } from '@waypoint/api-auth';
import { withErrorListener } from '@waypoint/api-database';
import { Client, Pool } from 'pg';
import { API_POOL_SIZE, apiDataSource } from './lib/api-data-source';
import { measureExport } from './lib/audit-export';
import { seedAuditHistory } from './lib/audit-history';
import { createBenchDatabase } from './lib/bench-database';
import { type ProgramShape, seedProgram } from './lib/caseload-data';
import { measureParticipantMonth, type Month } from './lib/participant-month';
import { measureReadOverHttp } from './lib/read-over-http';
import { measureReadWithAudit } from './lib/read-with-audit';
import { Teardown } from './lib/teardown';

const MEASURED: ProgramShape = { slug: 'bench-a', teams: 20, specialistsPerTeam: 10, participants: 20_000 };
const NEIGHBOUR: ProgramShape = { slug: 'bench-b', teams: 22, specialistsPerTeam: 10, participants: 22_000 };
const ROWS = Number(process.env['BENCH_AUDIT_ROWS'] ?? 10_000_000);
const MONTHS = 12;
/** Loaders in parallel: one per core is what the bulk insert can use. */
const LOADERS = 2;
const SECTIONS = new Set((process.env['BENCH_AUDIT_SECTIONS'] ?? '2,3,4,5').split(',').map((section) => section.trim()));

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
    if (!Number.isInteger(ROWS) || ROWS < 100_000) throw new Error(`BENCH_AUDIT_ROWS must be an integer of at least 100000, not ${process.env['BENCH_AUDIT_ROWS']}`);
    const database = await createBenchDatabase(teardown);
    const owners = await Promise.all(
      Array.from({ length: LOADERS }, async () => {
        const client = new Client({ connectionString: database.ownerUrl, application_name: 'waypoint-bench' });
        await client.connect();
        teardown.defer('close an owner connection', () => client.end());
        return client;
      }),
    );
    const owner = owners[0] as Client;
    const [{ server, superuser }] = (await owner.query(`SELECT current_setting('server_version') AS server, current_setting('is_superuser') AS superuser`)).rows;
    if (superuser !== 'on') throw new Error('the bulk seed needs a superuser (SET session_replication_role); BENCH_DATABASE_URL names one without it');
    console.log(`audit trail at ${ROWS.toLocaleString('en-US')} rows`);
    console.log(`PostgreSQL ${server} (${database.description}); Node ${process.version}`);
    console.log(`machine: ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)} at start`);
    for (const note of database.notes) console.log(`note: ${note}`);

    console.log(`\n1. Seeding`);
    const programsStarted = performance.now();
    const program = await seedProgram(owner, MEASURED);
    await seedProgram(owner, NEIGHBOUR);
    await owner.query('VACUUM (ANALYZE) programs, teams, users, participants, care_assignments');
    console.log(
      `  programs: A (${MEASURED.participants} participants, ${MEASURED.teams * MEASURED.specialistsPerTeam} specialists, ${MEASURED.teams} supervisors) and ` +
        `B (${NEIGHBOUR.participants}, ${NEIGHBOUR.teams * NEIGHBOUR.specialistsPerTeam}, ${NEIGHBOUR.teams}) in ${((performance.now() - programsStarted) / 1000).toFixed(1)} s`,
    );
    console.log(
      `  audit rows: bulk INSERT … SELECT generate_series with session_replication_role = replica, so the chain trigger does NOT fire:\n` +
        `  ids are assigned gapless in occurred_at order and every hash is a placeholder, so the chain is NOT valid for the seeded rows\n` +
        `  (verifying it is not what this bench measures). Indexes dropped for the load and rebuilt from their own definitions.`,
    );
    const history = await seedAuditHistory(owners, { measured: MEASURED, neighbour: NEIGHBOUR }, { rows: ROWS, months: MONTHS, progress: (line) => console.log(`    ${line}`) });
    const { seconds } = history;
    console.log(
      `  ${history.rows.toLocaleString('en-US')} rows from ${history.from.toISOString().slice(0, 10)} to ${history.to.toISOString().slice(0, 16)}Z (A 80%, B 20%), ` +
        `${history.partitionsCreated} past monthly partitions created first`,
    );
    console.log(
      `  seeding took ${(seconds.partitions + seconds.rows + seconds.indexes).toFixed(1)} s (rows ${seconds.rows.toFixed(1)} s with ${LOADERS} loaders, ` +
        `indexes ${seconds.indexes.toFixed(1)} s), then VACUUM (ANALYZE) ${seconds.vacuum.toFixed(1)} s`,
    );
    console.log(`  chain head moved to id ${history.lastId} and a checkpoint recorded there, so the rows written below chain (and verify) from it`);
    for (const line of await describeTable(owner)) console.log(`  ${line}`);

    const db = await apiDataSource(database.ownerUrl, teardown);
    const { options } = (db.options as { extra: { options: string } }).extra;
    const pool = withErrorListener(new Pool({ connectionString: database.ownerUrl, max: 2, application_name: 'waypoint-bench', options }));
    teardown.defer('close the pool', () => pool.end());
    const [{ role }] = (await pool.query('SELECT current_user AS role')).rows;
    console.log(`\nqueries run as ${role} through TypeORM with the API's connection options (pool ${API_POOL_SIZE})`);

    const admin: AuthContext = { userId: randomUUID(), programId: program.programId, role: 'admin', teamId: null, organizationId: null, sessionId: null, via: 'session' };
    const month = lastFullMonth();
    if (SECTIONS.has('2')) await measureParticipantMonth({ owner, db, pool, admin, month });
    if (SECTIONS.has('3')) await measureExport({ db, pool, admin, month });
    if (SECTIONS.has('4')) await measureReadWithAudit({ owner, db, ownerUrl: database.ownerUrl, programId: program.programId, teardown, seededThrough: history.lastId });
    if (SECTIONS.has('5')) await measureReadOverHttp({ owner, ownerUrl: database.ownerUrl, programId: program.programId, teardown });
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

function lastFullMonth(): Month {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

async function describeTable(owner: Client): Promise<string[]> {
  const { rows: [table] } = await owner.query(`
    SELECT count(*)::int AS partitions, sum(pg_table_size(c.oid))::bigint AS heap, sum(pg_indexes_size(c.oid))::bigint AS indexes,
           sum(c.reltuples)::bigint AS estimated_rows
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_events'::regclass`);
  const { rows: indexes } = await owner.query(`
    SELECT parent.relname AS name, sum(pg_relation_size(i.inhrelid))::bigint AS size
      FROM pg_class parent JOIN pg_inherits i ON i.inhparent = parent.oid
     WHERE parent.relkind = 'I' AND parent.relname LIKE 'audit_events%' GROUP BY 1 ORDER BY 1`);
  const mb = (bytes: string | number) => `${(Number(bytes) / 2 ** 20).toFixed(0)} MB`;
  return [
    `table size: ${mb(table.heap)} heap + ${mb(table.indexes)} indexes = ${mb(Number(table.heap) + Number(table.indexes))} over ${table.partitions} partitions ` +
      `(~${Number(table.estimated_rows).toLocaleString('en-US')} rows per ANALYZE)`,
    `indexes: ${indexes.map((index) => `${index.name} ${mb(index.size)}`).join(', ')}`,
  ];
}

void main();
