/**
 * `npm run bench:notes [-- --participants 5000 --notes 500000]`: session notes at volume. On a
 * throwaway database it seeds the volume program (as `seed:volume` does) with `--notes` session
 * notes (lib/notes-volume.ts: most co-signed, some signed awaiting co-signature, a few submitted,
 * some drafts), boots the real API, then measures
 * 1. note creation over HTTP: autocannon (in a child process) at 20 connections POSTing
 *    /api/v1/participants/:id/notes for BENCH_DURATION seconds, each request as the participant's
 *    own specialist (an API token per specialist, several participants each) and with an
 *    Idempotency-Key used by no other request of the run (so every 2xx is a new note; the notes
 *    made are counted in the database to prove it, replays reported apart). For scale, the bare
 *    health route at the same concurrency just before, and 50 creates one at a time;
 * 2. the co-sign queue: GET /api/v1/notes/cosign-queue?limit=25 sequentially as the program's
 *    supervisors (200 requests; p50/p95/p99), then EXPLAIN (ANALYZE, BUFFERS) of the statements the
 *    queue runs, built by the API's own NoteQueuesStore, for the supervisor with the most notes
 *    awaiting, and whether they use session_notes_awaiting_idx. Target: p95 < 100 ms (PASS/MISS);
 * 3. the number of notes and the size of session_notes and each of its indexes.
 * Any non-2xx response or socket error fails the run (a bench measuring 4xx is worthless).
 *
 * BENCH_DATABASE_URL: a server where this user may CREATE DATABASE (a superuser for VACUUM);
 * without it, an embedded PostgreSQL is started for the run. BENCH_PARTICIPANTS (or
 * --participants) sizes the program, BENCH_NOTES (or --notes) the notes (500,000), BENCH_DURATION
 * the seconds of note creation (15). The database (and the server) are removed at the end.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { APP_CONFIG } from '@waypoint/api-config';
import { withErrorListener } from '@waypoint/api-database';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
// Not exported by the lib; the bench EXPLAINs exactly the statements the queue route sends.
import { NoteLifecycleStore } from '../../libs/api/participants/src/lib/notes/note-lifecycle.store';
import { NoteQueuesStore } from '../../libs/api/participants/src/lib/notes/note-queues.store';
import { createBenchDatabase } from './lib/bench-database';
import { seedCareWorkVolume, volumeShape } from './lib/care-work-volume';
import { seedProgram } from './lib/caseload-data';
import { issueBenchTokens, load, type LoadRequest, type LoadResult, startApi } from './lib/http-load';
import { seedNotesVolume } from './lib/notes-volume';
import { planSummary } from './lib/plan-summary';
import { recordingSource } from './lib/recording-source';
import { Teardown } from './lib/teardown';

const CONNECTIONS = 20;
const WARM_UP_SECONDS = 3;
/** Participants (each with its own request body) per specialist in the rotation. */
const PARTICIPANTS_PER_SPECIALIST = 5;
/** Creates timed one at a time before the concurrent run. */
const SEQUENTIAL_CREATES = 50;
/** Every Idempotency-Key of the run starts so; autocannon replaces `[<id>]` per request. */
const KEY_PREFIX = 'bench-';
const HEALTH_PATH = '/api/health';
const HEALTH_SECONDS = 5;
const QUEUE_PATH = '/api/v1/notes/cosign-queue?limit=25';
const QUEUE_WARM_UP = 20;
const QUEUE_REQUESTS = 200;
const TARGET_QUEUE_P95_MS = 100;
const USER_AGENT = 'waypoint-bench';

const PARTICIPANTS = setting('participants', 'BENCH_PARTICIPANTS', 5000, 25, 1_000_000);
const NOTES = setting('notes', 'BENCH_NOTES', 500_000, 1, 50_000_000);
const SECONDS = setting(null, 'BENCH_DURATION', 15, 1, 600);

const CONTACTS: { contactType: string; modality: string; minutes: number }[] = [
  { contactType: 'individual', modality: 'in_person', minutes: 45 },
  { contactType: 'individual', modality: 'phone', minutes: 25 },
  { contactType: 'brief_check_in', modality: 'text', minutes: 10 },
  { contactType: 'individual', modality: 'video', minutes: 60 },
  { contactType: 'group', modality: 'in_person', minutes: 90 },
  { contactType: 'collateral', modality: 'phone', minutes: 20 },
];
const TOPICS = ['housing', 'cravings', 'employment', 'family', 'mutual_aid_meetings', 'recovery_plan'];

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
    const database = await createBenchDatabase(teardown, 'bench_notes');
    const owner = new Client({ connectionString: database.ownerUrl, application_name: USER_AGENT });
    await owner.connect();
    teardown.defer('close the owner connection', () => owner.end());
    const [{ server }] = (await owner.query(`SELECT current_setting('server_version') AS server`)).rows;
    console.log(`session notes: creation over HTTP at ${CONNECTIONS} connections, the co-sign queue at ${NOTES.toLocaleString('en-US')} notes`);
    console.log(`PostgreSQL ${server} (${database.description}); Node ${process.version}`);
    console.log(`machine: ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)} at start`);
    for (const note of database.notes) console.log(`note: ${note}`);

    // 1. The volume set, as `seed:volume -- --notes N` builds it.
    const seedStarted = performance.now();
    const shape = volumeShape('bench-notes', PARTICIPANTS);
    const program = await seedProgram(owner, shape);
    const work = await seedCareWorkVolume(owner, program.programId);
    const careSeconds = (performance.now() - seedStarted) / 1000;
    const notes = await seedNotesVolume(owner, program.programId, NOTES);
    const vacuumStarted = performance.now();
    // A settled database, as autovacuum would leave it: statistics and visibility map current.
    await owner.query(
      'VACUUM (ANALYZE) programs, teams, users, participants, care_assignments, goals, goal_steps, goal_progress, tasks, assessments, session_notes',
    );
    console.log(
      `\nseeded ${PARTICIPANTS} participants, ${shape.teams} teams, ${shape.teams * shape.specialistsPerTeam} specialists and their care work ` +
        `(${Object.entries(work).map(([what, n]) => `${n} ${what}`).join(', ')}) in ${careSeconds.toFixed(1)} s`,
    );
    console.log(
      `seeded ${notes.notes.toLocaleString('en-US')} session notes in ${notes.seconds.insert.toFixed(1)} s (ANALYZE ${notes.seconds.analyze.toFixed(1)} s), ` +
        `then VACUUM (ANALYZE) of every table in ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`,
    );
    console.log(`  by status: ${Object.entries(notes.byStatus).map(([status, n]) => `${status} ${n} (${((100 * n) / notes.notes).toFixed(1)}%)`).join(', ')}`);
    for (const line of await describeNotes(owner)) console.log(`  ${line}`);

    // 2. The writers: every specialist with active participants in their care today, a token each.
    const pairs: { userId: string; participantId: string; goalId: string | null }[] = (
      await owner.query(
        `SELECT specialist_id AS "userId", participant_id AS "participantId", goal_id AS "goalId"
           FROM (SELECT ca.specialist_id, ca.participant_id,
                        (SELECT g.id FROM goals g WHERE g.program_id = $1 AND g.participant_id = ca.participant_id AND g.status = 'active' ORDER BY g.id LIMIT 1) AS goal_id,
                        row_number() OVER (PARTITION BY ca.specialist_id ORDER BY md5(ca.participant_id::text)) AS n
                   FROM care_assignments ca
                   JOIN users u ON u.id = ca.specialist_id AND u.role = 'specialist'
                   JOIN participants p ON p.id = ca.participant_id AND p.status = 'active'
                  WHERE ca.program_id = $1 AND ca.starts_on <= current_date AND (ca.ends_on IS NULL OR ca.ends_on > current_date)) a
          WHERE n <= $2
          ORDER BY n, md5(specialist_id::text)`,
        [program.programId, PARTICIPANTS_PER_SPECIALIST],
      )
    ).rows;
    if (pairs.length === 0) throw new Error('the volume program has no specialist with an active participant');
    const writers = new Set(pairs.map((p) => p.userId));
    const tokens = await issueBenchTokens(owner, [...writers].map((userId) => ({ userId, programId: program.programId, role: 'specialist' })));
    const creates = pairs.map((pair, i) => createRequest(pair, i, tokens.get(pair.userId) as string));
    console.log(
      `\nnote creation: ${creates.length} request bodies (${writers.size} specialists × up to ${PARTICIPANTS_PER_SPECIALIST} of their active participants), ` +
        `taken in turn; contacts 1–14 days ago, GIRP, a goal linked on half`,
    );

    // 3. The real API, and a check that creation answers 201 and a repeated key replays.
    const api = await startApi(database.ownerUrl, teardown);
    const probeRequest = { ...(creates[0] as LoadRequest), headers: { ...creates[0]?.headers, 'idempotency-key': `${KEY_PREFIX}probe` } };
    const first = await send(api.url, probeRequest, [201]);
    const again = await send(api.url, probeRequest, [200, 201]);
    const made = first.body as { id?: string; units?: number; status?: string };
    if (!made.id || made.status !== 'draft' || (again.body as { id?: string; replayed?: boolean }).id !== made.id || !(again.body as { replayed?: boolean }).replayed) {
      throw new Error(`POST ${probeRequest.path}: expected a draft, then a replay of it; got ${first.text.slice(0, 200)} / ${again.text.slice(0, 200)}`);
    }
    console.log(`API on ${api.url}; POST → 201 draft, ${made.units} units, ${first.text.length} bytes; the same key again → ${again.status}, replayed`);

    // For scale on a shared machine: the bare health route at the same concurrency, just before.
    const health = await load(api.url, CONNECTIONS, HEALTH_SECONDS, [{ path: HEALTH_PATH, headers: { 'user-agent': USER_AGENT } }]);
    requireAll2xx('health', health);
    console.log(`  reference, GET ${HEALTH_PATH} for ${HEALTH_SECONDS} s: ${formatLoad(health)}`);
    const benchNotes = async () => Number((await owner.query(`SELECT count(*) AS n FROM session_notes WHERE idempotency_key LIKE $1`, [`${KEY_PREFIX}%`])).rows[0].n);
    const warmUp = await load(api.url, CONNECTIONS, WARM_UP_SECONDS, creates, { uniqueIds: true });
    requireAll2xx('warm-up', warmUp);
    // One at a time: the latency of a create with nothing queued ahead of it.
    const alone: number[] = [];
    for (let i = 0; i < SEQUENTIAL_CREATES; i++) {
      const request = creates[(i * 7) % creates.length] as LoadRequest;
      const started = performance.now();
      await send(api.url, { ...request, headers: { ...request.headers, 'idempotency-key': `${KEY_PREFIX}alone-${randomUUID()}` } }, [201]);
      alone.push(performance.now() - started);
    }
    const before = await benchNotes();
    const creation = await load(api.url, CONNECTIONS, SECONDS, creates, { uniqueIds: true });
    requireAll2xx('note creation', creation);
    const created = (await benchNotes()) - before;
    const ok = Object.entries(creation.statuses).reduce((sum, [status, n]) => sum + (status.startsWith('2') ? n : 0), 0);
    console.log(`  warm-up ${WARM_UP_SECONDS} s: ${formatLoad(warmUp)}`);
    console.log(`  ${SEQUENTIAL_CREATES} one after another: p50 ${percentile(alone, 50).toFixed(1)} / p95 ${percentile(alone, 95).toFixed(1)} ms`);
    console.log(`  ${SECONDS} s at ${CONNECTIONS} connections: ${formatLoad(creation)}`);
    console.log(
      `  responses by status ${JSON.stringify(creation.statuses)}; ${created} notes made in the database for ${ok} 2xx responses ` +
        `(${ok > created ? `${ok - created} replays` : 'no replays'}${created > ok ? `; ${created - ok} made by requests still in flight at the stop` : ''})`,
    );
    if (ok > created) throw new Error(`${ok - created} requests were answered as replays: the Idempotency-Keys were not unique`);

    // 4. The co-sign queue, as each team's supervisor, sequentially.
    const supervisors: { userId: string; teamId: string; awaiting: number }[] = (
      await owner.query(
        `SELECT t.supervisor_id AS "userId", t.id AS "teamId",
                (SELECT count(*)::int FROM session_notes n JOIN users a ON a.id = n.author_id
                  WHERE n.program_id = $1 AND a.team_id = t.id AND n.status IN ('submitted', 'signed')) AS awaiting
           FROM teams t WHERE t.program_id = $1 AND t.supervisor_id IS NOT NULL ORDER BY awaiting DESC, t.id`,
        [program.programId],
      )
    ).rows;
    if (supervisors.length === 0) throw new Error('the volume program has no supervisor');
    const awaitingSizes = supervisors.map((s) => s.awaiting).sort((a, b) => a - b);
    const supervisorTokens = await issueBenchTokens(owner, supervisors.map((s) => ({ userId: s.userId, programId: program.programId, role: 'supervisor' })));
    const queueRequests: LoadRequest[] = supervisors.map((s) => ({
      path: QUEUE_PATH,
      headers: { authorization: `Bearer ${supervisorTokens.get(s.userId)}`, 'user-agent': USER_AGENT },
    }));
    const firstQueue = await send(api.url, queueRequests[0] as LoadRequest, [200]);
    const queueBody = firstQueue.body as { items?: unknown[]; counts?: { awaiting: number }[] };
    const listed = (queueBody.counts ?? []).reduce((sum, c) => sum + c.awaiting, 0);
    if ((queueBody.items?.length ?? 0) === 0) throw new Error(`GET ${QUEUE_PATH} returned no notes for the supervisor with the most awaiting`);
    console.log(
      `\nco-sign queue: ${supervisors.length} supervisors, notes awaiting per team (submitted or signed, incl. out of today's scope) ` +
        `min ${awaitingSizes[0]}, median ${awaitingSizes[Math.floor(awaitingSizes.length / 2)]}, max ${awaitingSizes[awaitingSizes.length - 1]}`,
    );
    console.log(`  GET ${QUEUE_PATH} → ${queueBody.items?.length} notes, ${listed} in the counts, ${firstQueue.text.length} bytes for the busiest team's supervisor`);
    for (let i = 0; i < QUEUE_WARM_UP; i++) await send(api.url, queueRequests[i % queueRequests.length] as LoadRequest, [200]);
    const times: number[] = [];
    for (let i = 0; i < QUEUE_REQUESTS; i++) {
      const started = performance.now();
      await send(api.url, queueRequests[i % queueRequests.length] as LoadRequest, [200]);
      times.push(performance.now() - started);
    }
    const at = (p: number) => percentile(times, p);
    const queueP95 = at(95);
    console.log(
      `  ${QUEUE_REQUESTS} requests one after another (after ${QUEUE_WARM_UP} to warm up), rotating over the supervisors: ` +
        `p50 ${at(50).toFixed(1)} / p95 ${queueP95.toFixed(1)} / p99 ${at(99).toFixed(1)} / max ${at(100).toFixed(1)} ms`,
    );

    // 5. The queue's statements, exactly as the route builds them, EXPLAINed for the busiest team.
    const busiest = supervisors[0] as (typeof supervisors)[number];
    const apiDb = api.app.get(DataSource);
    const recorded = recordingSource(apiDb);
    const store = new NoteQueuesStore(recorded.source, api.app.get(APP_CONFIG), api.app.get(NoteLifecycleStore));
    const auth: AuthContext = {
      userId: busiest.userId,
      programId: program.programId,
      role: 'supervisor',
      teamId: busiest.teamId,
      organizationId: null,
      sessionId: null,
      via: 'api-token',
    };
    await AuditContext.run({ touched: new Set<string>() }, () => store.cosignQueue(auth, { limit: 25 }));
    const { options } = (apiDb.options as { extra: { options: string } }).extra;
    const pool = withErrorListener(new Pool({ connectionString: database.ownerUrl, max: 1, application_name: USER_AGENT, options }));
    teardown.defer('close the pool', () => pool.end());
    const labels = ['the page (25 oldest, with names)', 'the counts per specialist'];
    const statements: { label: string; executionMs: number; usesIndex: boolean }[] = [];
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the queue's statements for the busiest team (${busiest.awaiting} notes awaiting), as waypoint_app:`);
    for (const [index, query] of recorded.sent.entries()) {
      const [head = '', ...tree] = await planSummary(pool, query);
      const label = labels[index] ?? `statement ${index + 1}`;
      const usesIndex = tree.some((line) => line.includes('session_notes_awaiting_idx'));
      statements.push({ label, executionMs: Number(/execution ([\d.]+) ms/.exec(head)?.[1] ?? Number.NaN), usesIndex });
      console.log(`  ${label}: ${head}; ${usesIndex ? 'uses' : 'does NOT use'} session_notes_awaiting_idx`);
      for (const line of tree) console.log(`      ${line}`);
    }

    // 6. Sizes after the run, and the verdict.
    console.log('\nafter the run:');
    for (const line of await describeNotes(owner)) console.log(`  ${line}`);
    console.log(
      `\n  note creation: ${creation.requestsPerSecond.toFixed(0)} req/s, p50 ${creation.p50.toFixed(1)} / p95 ${creation.p95.toFixed(1)} / p99 ${creation.p99.toFixed(1)} ms ` +
        `at ${CONNECTIONS} connections (no target; the health route did ${health.requestsPerSecond.toFixed(0)} req/s just before)`,
    );
    console.log(`  ${queueP95 < TARGET_QUEUE_P95_MS ? 'PASS' : 'MISS'}  co-sign queue p95 = ${queueP95.toFixed(1)} ms over HTTP (target < ${TARGET_QUEUE_P95_MS} ms)`);
    const sqlMs = statements.reduce((sum, st) => sum + st.executionMs, 0);
    console.log(
      `        the queue's SQL for the busiest team: ${sqlMs.toFixed(1)} ms of execution in all (` +
        `${statements.map((st) => `${st.label} ${st.executionMs.toFixed(1)} ms, ${st.usesIndex ? 'on' : 'NOT on'} session_notes_awaiting_idx`).join('; ')})`,
    );
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

/** A new note about `pair.participantId` by its specialist; the key is made unique per request by the load generator. */
function createRequest(pair: { userId: string; participantId: string; goalId: string | null }, i: number, token: string): LoadRequest {
  const contact = CONTACTS[i % CONTACTS.length] as (typeof CONTACTS)[number];
  const day = new Date();
  day.setUTCHours(9 + (i % 8), (i * 7) % 60, 0, 0);
  day.setUTCDate(day.getUTCDate() - 1 - (i % 14));
  const body = {
    startedAt: day.toISOString(),
    durationMinutes: contact.minutes,
    contactType: contact.contactType,
    modality: contact.modality,
    ...(contact.modality === 'in_person' ? { location: 'Community center' } : {}),
    sections: {
      goal: 'Keep the apartment: rent on time this month',
      intervention: 'Reviewed the budget together and called the housing office',
      response: 'Engaged; said the plan feels doable',
      plan: 'Check in by phone on Friday',
    },
    topics: [TOPICS[i % TOPICS.length], TOPICS[(i + 1) % TOPICS.length]],
    ...(pair.goalId && i % 2 === 0 ? { goalIds: [pair.goalId] } : {}),
    reviewedWithParticipant: i % 3 !== 0,
  };
  return {
    method: 'POST',
    path: `/api/v1/participants/${pair.participantId}/notes`,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': `${KEY_PREFIX}[<id>]`,
      'user-agent': USER_AGENT,
    },
    body: JSON.stringify(body),
  };
}

/** One request with Node's fetch; throws unless the status is one of `accept`. */
async function send(url: string, request: LoadRequest, accept: number[]): Promise<{ status: number; body: unknown; text: string }> {
  const response = await fetch(`${url}${request.path}`, { method: request.method ?? 'GET', headers: request.headers, body: request.body });
  const text = await response.text();
  if (!accept.includes(response.status)) throw new Error(`${request.method ?? 'GET'} ${request.path} answered ${response.status}: ${text.slice(0, 300)}`);
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: only the status matters to the caller.
  }
  return { status: response.status, body, text };
}

/** The p-th percentile of `values` (as load.mjs computes it: the value at floor(p% × n)). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function requireAll2xx(label: string, result: LoadResult): void {
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${label}: ${result.non2xx} non-2xx responses (by status: ${JSON.stringify(result.statuses)}), ${result.errors} errors, ` +
        `${result.timeouts} timeouts; the numbers do not measure note creation`,
    );
  }
}

function formatLoad(r: LoadResult): string {
  return `${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms, ${r.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors`;
}

/** The number of notes and the size of the table (heap, TOAST) and of each index. */
async function describeNotes(owner: Client): Promise<string[]> {
  const mb = (bytes: string | number) => `${(Number(bytes) / 1024 / 1024).toFixed(1)} MB`;
  const [table] = (
    await owner.query(
      `SELECT (SELECT count(*) FROM session_notes) AS notes, pg_relation_size('session_notes') AS heap,
              pg_table_size('session_notes') - pg_relation_size('session_notes') AS toast, pg_indexes_size('session_notes') AS indexes`,
    )
  ).rows;
  const indexes = (
    await owner.query(
      `SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = 'session_notes'::regclass ORDER BY pg_relation_size(c.oid) DESC`,
    )
  ).rows as { name: string; bytes: string }[];
  return [
    `session_notes: ${Number(table.notes).toLocaleString('en-US')} notes; table ${mb(table.heap)} (+ ${mb(table.toast)} TOAST and maps), indexes ${mb(table.indexes)}, ` +
      `total ${mb(Number(table.heap) + Number(table.toast) + Number(table.indexes))}`,
    `indexes: ${indexes.map((index) => `${index.name} ${mb(index.bytes)}`).join(', ')}`,
  ];
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
