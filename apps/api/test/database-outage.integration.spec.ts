import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import {
  createTestDatabase,
  createTestParticipant,
  createTestProgram,
  createTestTeam,
  createTestUser,
  freePort,
  type TestDatabase,
} from '@waypoint/api-testing';
import { type ThrowawayPostgres, throwawayPostgres } from './throwaway-postgres';

/**
 * The API outlives its database. The built API (dist/apps/api/main.js, its own process, as in
 * production) runs against a throwaway embedded PostgreSQL of this file's own, which the test
 * stops and starts, whose backends it terminates, and which it freezes with SIGSTOP, all under
 * a small load of authenticated, audited reads. The API must stay up, answer 503 problems with
 * Retry-After while the database is gone (never a 500, never a hang past its timeouts), and
 * recover by itself.
 */
const MAIN = resolve(__dirname, '../../../dist/apps/api/main.js');
const STATEMENT_TIMEOUT_MS = 2000;
/** What the issue allows: a request may outlive the statement timeout by at most a second. */
const REQUEST_BOUND_MS = STATEMENT_TIMEOUT_MS + 1000;
const WORKERS = 3;

interface Outcome {
  startedAt: number;
  endedAt: number;
  status: number; // 0: no HTTP answer at all (the API is down or the request hung)
  contentType: string;
  retryAfter: string | null;
  worker: number;
}

describe('the API outlives its database (stop, start, terminate, freeze)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'waypoint-outage-'));
  chmodSync(dataDir, 0o755); // as root the server runs as `postgres`, which must enter it
  let apiPort: number;
  let server: ThrowawayPostgres | undefined;
  let database: TestDatabase;
  let api: { process: ChildProcess; output: () => string } | undefined;
  let participantUrl: string;
  let token: string;
  let frozen: number[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`nx build api\` first (nx run api:integration does)`);
    apiPort = await freePort();
    server = throwawayPostgres(dataDir, await freePort());
    await server.start();
    const shared = process.env['TEST_DATABASE_URL'];
    process.env['TEST_DATABASE_URL'] = server.url; // this file's database lives on its own server
    try {
      database = await createTestDatabase();
    } finally {
      process.env['TEST_DATABASE_URL'] = shared;
    }
    const programId = await createTestProgram(database.owner);
    const team = await createTestTeam(database.owner, programId);
    const specialist = await createTestUser(database.owner, randomBytes(32), { programId, role: 'specialist', teamId: team });
    const participantId = await createTestParticipant(database.owner, programId, { assignTo: specialist.id });
    token = `wpt_${randomBytes(32).toString('base64url')}`;
    await database.owner.query(
      `INSERT INTO api_tokens (program_id, user_id, name, role, token_hash, created_by, expires_at)
       VALUES ($1, $2, 'outage test', 'specialist', $3, $2, now() + interval '1 hour')`,
      [programId, specialist.id, createHash('sha256').update(token).digest('hex')],
    );
    participantUrl = `http://127.0.0.1:${apiPort}/api/v1/participants/${participantId}`;
    api = await startApi();
  }, 120_000);

  afterAll(async () => {
    // Whatever happened: thaw, stop the API, stop the server, each bounded in time.
    signalAll(frozen, 'SIGCONT');
    if (api && api.process.exitCode === null) {
      api.process.kill('SIGTERM');
      await bounded(new Promise((done) => api?.process.once('exit', done)), 10_000);
      if (api.process.exitCode === null) api.process.kill('SIGKILL');
    }
    await database?.owner.end().catch(() => undefined);
    const pids = postgresPids(server?.pid());
    await bounded(server?.stop(), 10_000);
    signalAll(pids, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }, 40_000);

  async function startApi(): Promise<{ process: ChildProcess; output: () => string }> {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        DATA_DIR: dataDir,
        PORT: String(apiPort),
        DATABASE_URL: database.ownerUrl,
        DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        WEB_DIST_DIR: join(dataDir, 'none'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 60_000;
    while (!output.includes('Waypoint is ready')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the API did not start:\n${output}`);
      await sleep(50);
    }
    return { process: child, output: () => output };
  }

  /** Audited reads in a loop until stopped; every outcome kept, in order. */
  function load() {
    const outcomes: Outcome[] = [];
    let running = true;
    const worker = async (index: number) => {
      while (running) {
        outcomes.push(await read(participantUrl, token, index));
        await sleep(25);
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, index) => worker(index));
    return {
      outcomes,
      stop: async () => {
        running = false;
        await Promise.all(workers);
      },
    };
  }

  async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(20);
    }
  }

  /** A statement as the owner on a connection of its own (the fixtures' client died with the restart). */
  async function ownerQuery(sql: string, params: unknown[] = []) {
    const client = new Client({ connectionString: database.ownerUrl });
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  }

  async function untilAsync(condition: () => Promise<boolean>, ms: number, what: string): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }

  function expectAlive(): void {
    expect(api?.process.exitCode).toBeNull();
    expect(api?.output()).not.toMatch(/Unhandled 'error' event|\n\s+at /);
  }

  it('answers 503 with Retry-After while the database is stopped, and recovers by itself once it is back', async () => {
    const traffic = load();
    try {
      await until(() => traffic.outcomes.filter((o) => o.status === 200).length >= 15, 20_000, 'reads to flow');

      await server?.stop();
      const stoppedAt = Date.now();
      await sleep(1500);
      expectAlive();
      const ready = await read(`http://127.0.0.1:${apiPort}/api/ready`, token, -1);
      expect(ready).toMatchObject({ status: 503, contentType: expect.stringMatching(/^application\/problem\+json/) });
      expect(Number(ready.retryAfter)).toBeGreaterThan(0);

      await server?.start();
      const upAt = Date.now();
      await until(() => traffic.outcomes.some((o) => o.startedAt >= upAt && o.status === 200), 10_000, 'a read to succeed after the restart');
      const recoveredAt = Math.min(...traffic.outcomes.filter((o) => o.startedAt >= upAt && o.status === 200).map((o) => o.endedAt));
      await until(() => new Set(traffic.outcomes.filter((o) => o.startedAt >= upAt && o.status === 200).map((o) => o.worker)).size === WORKERS, 10_000, 'every worker to succeed again');
      await traffic.stop();

      const down = traffic.outcomes.filter((o) => o.startedAt >= stoppedAt && o.endedAt <= upAt);
      process.stdout.write(
        `\ndatabase restart: ${down.length} reads while it was down (${summary(down)}); ` +
          `first success ${recoveredAt - upAt} ms after PostgreSQL accepted connections again\n`,
      );
      expect(down.length).toBeGreaterThan(5);
      for (const outcome of down) {
        expect(outcome).toMatchObject({ status: 503, contentType: expect.stringMatching(/^application\/problem\+json/) });
        expect(Number(outcome.retryAfter)).toBeGreaterThan(0);
      }
      expect(traffic.outcomes.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);
      expect(recoveredAt - upAt).toBeLessThan(5000);
      expectAlive();
    } finally {
      await traffic.stop();
    }
  }, 60_000);

  it('survives the termination of its backends (the audit writer’s idle one first) and carries on', async () => {
    const traffic = load();
    try {
      await until(() => traffic.outcomes.filter((o) => o.status === 200).length >= 10, 20_000, 'reads to flow');
      // The audit writer's batch connection is the one whose last statement appended to the trail
      // (after the restart above it may take a flush or two to be opened again).
      const auditConnection = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT audit_append(%'`;
      await untilAsync(async () => (await ownerQuery(auditConnection)).rows.length === 1, 5000, 'the audit writer’s connection');
      const terminated = await ownerQuery(`SELECT pg_terminate_backend(pid) FROM (${auditConnection}) AS audit`);
      expect(terminated.rows).toEqual([{ pg_terminate_backend: true }]);
      await sleep(300);
      expectAlive();
      const others = await ownerQuery(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'waypoint-api'`,
      );
      expect(others.rows.length).toBeGreaterThan(0);
      const terminatedAt = Date.now();
      await until(() => new Set(traffic.outcomes.filter((o) => o.startedAt > terminatedAt && o.status === 200).map((o) => o.worker)).size === WORKERS, 5000, 'every worker to succeed again');
      await traffic.stop();
      expect(traffic.outcomes.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);
      // The audit trail kept recording: the reads after the terminations get their rows (in a
      // batch, retried a second later when its connection was the one terminated mid-write).
      const recorded = `SELECT 1 FROM audit_events WHERE occurred_at > to_timestamp($1 / 1000.0)`;
      await untilAsync(async () => (await ownerQuery(recorded, [terminatedAt])).rows.length > 0, 5000, 'the reads’ audit rows');
      expectAlive();
    } finally {
      await traffic.stop();
    }
  }, 40_000);

  it('never lets a request outlive the statement timeout by more than a second while the database is frozen', async () => {
    const traffic = load();
    try {
      await until(() => traffic.outcomes.filter((o) => o.status === 200).length >= 10, 20_000, 'reads to flow');
      frozen = postgresPids(server?.pid());
      expect(frozen.length).toBeGreaterThan(1); // the postmaster and its children
      signalAll(frozen, 'SIGSTOP');
      const frozenAt = Date.now();
      await sleep(2 * STATEMENT_TIMEOUT_MS + 1000); // two timeouts' worth for every worker
      const ready = await read(`http://127.0.0.1:${apiPort}/api/ready`, token, -1);
      signalAll(frozen, 'SIGCONT');
      frozen = [];
      const thawedAt = Date.now();
      await until(() => new Set(traffic.outcomes.filter((o) => o.startedAt > thawedAt && o.status === 200).map((o) => o.worker)).size === WORKERS, 10_000, 'every worker to succeed after the thaw');
      await traffic.stop();

      const during = traffic.outcomes.filter((o) => o.endedAt > frozenAt && o.startedAt < thawedAt);
      const longest = Math.max(...during.map((o) => o.endedAt - o.startedAt));
      process.stdout.write(`\ndatabase frozen ${thawedAt - frozenAt} ms: ${during.length} reads (${summary(during)}); longest ${longest} ms (bound ${REQUEST_BOUND_MS} ms)\n`);
      expect(ready.status).toBe(503);
      expect(during.filter((o) => o.status === 503).length).toBeGreaterThan(WORKERS);
      expect(during.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);
      expect(longest).toBeLessThanOrEqual(REQUEST_BOUND_MS);
      expectAlive();
    } finally {
      signalAll(frozen, 'SIGCONT');
      await traffic.stop();
    }
  }, 60_000);
});

/** One GET, never longer than 30 s; status 0 when there was no HTTP answer. */
async function read(url: string, token: string, worker: number): Promise<Outcome> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    return {
      startedAt,
      endedAt: Date.now(),
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      retryAfter: response.headers.get('retry-after'),
      worker,
    };
  } catch {
    return { startedAt, endedAt: Date.now(), status: 0, contentType: '', retryAfter: null, worker };
  }
}

function summary(outcomes: Outcome[]): string {
  const counts = new Map<number, number>();
  for (const { status } of outcomes) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count}× ${status}`).join(', ');
}

/** The postmaster and its children (from /proc), or none when stopped. */
function postgresPids(postmaster: number | undefined): number[] {
  if (!postmaster) return [];
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent; the name in field 2 may hold spaces.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Waits for `promise`, but never longer than `ms` (and leaves no timer behind). */
async function bounded(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((done) => (timer = setTimeout(done, ms)))]);
  clearTimeout(timer);
}


