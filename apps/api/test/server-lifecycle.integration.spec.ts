import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@waypoint/api-testing';

/**
 * The promise to a new user, on the built server (dist/apps/api/main.js): it starts on an
 * embedded PostgreSQL with no configuration, Ctrl-C leaves no PostgreSQL behind, a restart
 * reuses the data, and a killed run's orphaned server is cleaned up on the next start.
 */
const MAIN = resolve(__dirname, '../../../dist/apps/api/main.js');
/**
 * A boot here is an initdb or a start, migrations and the demo seed: about 5 s on a quiet
 * machine, several times that on a busy 2-core CI runner while the other worker writes to its
 * own PostgreSQL. A boot that never comes reports the server's output (untilReady) before the
 * test's own limit cuts it off.
 */
const READY_WITHIN_MS = 60_000;
const BOOTING_TEST_TIMEOUT_MS = 2 * READY_WITHIN_MS + 30_000;

interface Server {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

describe('server lifecycle (built bundle, embedded PostgreSQL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'waypoint-lifecycle-'));
  chmodSync(dataDir, 0o755);
  let env: Record<string, string>;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`nx build api\` first (nx run api:integration does)`);
    env = {
      PATH: process.env['PATH'] ?? '',
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_DATABASE_PORT: String(await freePort()),
      WEB_DIST_DIR: join(dataDir, 'no-dashboard'),
    };
  });

  afterAll(() => {
    for (const pid of postgresPidsFor(dataDir)) process.kill(pid, 'SIGKILL');
  });

  function start(extra: Record<string, string> = {}): Server {
    // Its own process group, like a terminal job: Ctrl-C signals the group, PostgreSQL included.
    const child = spawn(process.execPath, [MAIN], { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    return { process: child, output: () => output, exited };
  }

  async function untilReady(server: Server): Promise<void> {
    const deadline = Date.now() + READY_WITHIN_MS;
    while (!server.output().includes('Waypoint is ready')) {
      if (Date.now() > deadline || server.process.exitCode !== null) throw new Error(`not ready:\n${server.output()}`);
      await sleep(50);
    }
    const response = await fetch(`http://127.0.0.1:${env['PORT']}/api/ready`);
    expect(response.status).toBe(200);
  }

  it('starts with no configuration, seeds the demo once, and stops cleanly on Ctrl-C', async () => {
    const server = start();
    await untilReady(server);
    expect(server.output()).toContain('Demo program seeded');
    expect(postgresPidsFor(dataDir)).toHaveLength(1);
    // An audited read first, as after any use: it opens the audit writer's own connection, whose
    // termination by the stopping PostgreSQL once crashed the process with ~285 lines of stack.
    expect(await auditedRead()).toBe(200);
    const before = server.output().length;
    process.kill(-(server.process.pid as number), 'SIGINT'); // the whole group, as a terminal does
    expect(await server.exited).toBe(0);
    const afterSignal = server.output().slice(before);
    expect(afterSignal).toContain('Stopped cleanly');
    expect(afterSignal).not.toMatch(/Unhandled 'error' event|\n\s+at |Error:/);
    expect(afterSignal.trim().split('\n').length).toBeLessThanOrEqual(3);
    expect(postgresPidsFor(dataDir)).toEqual([]);
  }, BOOTING_TEST_TIMEOUT_MS);

  /** GET /participants as a demo specialist, with an API token made for it in the database. */
  async function auditedRead(): Promise<number> {
    const { superuserPassword } = JSON.parse(readFileSync(join(dataDir, 'embedded-postgres.json'), 'utf8')) as { superuserPassword: string };
    const client = new Client({ host: '127.0.0.1', port: Number(env['EMBEDDED_DATABASE_PORT']), user: 'postgres', password: superuserPassword, database: 'waypoint' });
    const token = `wpt_${randomBytes(32).toString('base64url')}`;
    await client.connect();
    try {
      const { rowCount } = await client.query(
        `INSERT INTO api_tokens (program_id, user_id, name, role, token_hash, created_by, expires_at)
         SELECT program_id, id, 'lifecycle test', role, $1, id, now() + interval '1 hour' FROM users WHERE role = 'specialist' LIMIT 1`,
        [createHash('sha256').update(token).digest('hex')],
      );
      expect(rowCount).toBe(1);
    } finally {
      await client.end();
    }
    const response = await fetch(`http://127.0.0.1:${env['PORT']}/api/v1/participants`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    await sleep(200); // the read's audit batch is written (and its connection left idle)
    return response.status;
  }

  it('reuses the data on the next start (no new migrations, no second seed)', async () => {
    const server = start();
    await untilReady(server);
    expect(server.output()).not.toContain('Demo program seeded');
    expect(server.output()).not.toContain('Applied migrations');
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(postgresPidsFor(dataDir)).toEqual([]);
  }, BOOTING_TEST_TIMEOUT_MS);

  it('cleans up the PostgreSQL left running by a killed run', async () => {
    const killed = start();
    await untilReady(killed);
    killed.process.kill('SIGKILL');
    await killed.exited;
    expect(postgresPidsFor(dataDir)).toHaveLength(1); // orphaned, still running

    const next = start();
    await untilReady(next);
    expect(next.output()).toContain('left running by an earlier run');
    next.process.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    expect(postgresPidsFor(dataDir)).toEqual([]);
  }, BOOTING_TEST_TIMEOUT_MS);

  it('refuses bad configuration at once, naming the variable, without starting PostgreSQL', async () => {
    const server = start({ PORT: 'eighty', DATA_DIR: join(dataDir, 'never-created') });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT must be a whole number');
    expect(existsSync(join(dataDir, 'never-created', 'postgres'))).toBe(false);
  });
});

/** PostgreSQL server processes whose command line names this data folder. */
function postgresPidsFor(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return cmdline[0]?.endsWith('/postgres') && cmdline.includes(join(dataDir, 'postgres'));
      } catch {
        return false;
      }
    })
    .map(Number);
}


