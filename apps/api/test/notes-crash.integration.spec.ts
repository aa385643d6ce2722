import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createTestDatabase,
  createTestParticipant,
  createTestProgram,
  createTestTeam,
  createTestUser,
  freePort,
  type TestDatabase,
} from '@waypoint/api-testing';

/**
 * The fault test of the session-notes issue: the built API (dist/apps/api/main.js) is killed with
 * SIGKILL while a script is creating notes. After a restart, every note the script saw
 * acknowledged exists exactly once, with what was sent and its audit row (one transaction), and
 * a retry of every unacknowledged request with its Idempotency-Key still makes one note each.
 */
const MAIN = resolve(__dirname, '../../../dist/apps/api/main.js');
const WRITERS = 4;

describe('session notes survive a killed API process', () => {
  let database: TestDatabase;
  let participantId: string;
  let token: string;
  let port: number;
  const dataDir = mkdtempSync(join(tmpdir(), 'waypoint-crash-'));
  chmodSync(dataDir, 0o755);

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`nx build api\` first (nx run api:integration does)`);
    database = await createTestDatabase();
    const programId = await createTestProgram(database.owner);
    const team = await createTestTeam(database.owner, programId);
    const specialist = await createTestUser(database.owner, randomBytes(32), { programId, role: 'specialist', teamId: team });
    participantId = await createTestParticipant(database.owner, programId, { assignTo: specialist.id });
    token = `wpt_${randomBytes(32).toString('base64url')}`;
    await database.owner.query(
      `INSERT INTO api_tokens (program_id, user_id, name, role, token_hash, created_by, expires_at)
       VALUES ($1, $2, 'crash test', 'specialist', $3, $2, now() + interval '1 hour')`,
      [programId, specialist.id, createHash('sha256').update(token).digest('hex')],
    );
    port = await freePort();
  });

  afterAll(async () => {
    await database?.drop();
  });

  function start(): { process: ChildProcess; ready: Promise<void> } {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: database.ownerUrl, WEB_DIST_DIR: join(dataDir, 'none') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const ready = (async () => {
      const deadline = Date.now() + 30_000;
      while (!output.includes('Waypoint is ready')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`not ready:\n${output}`);
        await new Promise((done) => setTimeout(done, 50));
      }
    })();
    return { process: child, ready };
  }

  /** Each key's note on its own day, so the daily cap never changes a note's 2 units. */
  const body = (key: string) => ({
    startedAt: new Date(Date.now() - (1 + daysAgo(key)) * 86_400_000).toISOString(),
    durationMinutes: 23,
    contactType: 'individual',
    modality: 'phone',
    sections: { goal: `Goal ${key}`, intervention: `Intervention ${key}`, response: `Response ${key}`, plan: `Plan ${key}` },
  });

  /** One create; resolves with the note id when the API acknowledged it, undefined when the request failed. */
  async function create(key: string): Promise<string | undefined> {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/participants/${participantId}/notes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body(key)),
      });
      if (response.status !== 201) return undefined;
      return ((await response.json()) as { id: string }).id;
    } catch {
      return undefined; // the connection died with the process: not acknowledged
    }
  }

  it('keeps every acknowledged note exactly once, whole, and makes one note per key on retry', async () => {
    const first = start();
    await first.ready;
    const acknowledged = new Map<string, string>();
    const sent: string[] = [];
    let stop = false;
    const writer = async (writerIndex: number) => {
      for (let n = 0; !stop; n += 1) {
        const key = `crash-${writerIndex}-${n}`;
        sent.push(key);
        const id = await create(key);
        if (id) acknowledged.set(key, id);
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, index) => writer(index));
    // Let notes flow, then kill the process mid-stream, with requests in flight.
    while (acknowledged.size < 40) await new Promise((done) => setTimeout(done, 20));
    first.process.kill('SIGKILL');
    await new Promise((done) => first.process.once('exit', done));
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.size).toBeGreaterThanOrEqual(40);
    expect(sent.length).toBeGreaterThan(acknowledged.size); // some were in flight when it died

    // Every acknowledged note is there once, as sent, with its audit row.
    const { rows } = await database.owner.query(
      `SELECT n.id, n.idempotency_key AS key, n.sections, n.units,
              (SELECT count(*)::int FROM audit_events a WHERE a.action = 'note.create' AND a.resource_id = n.id::text AND a.outcome = 'success') AS audited
         FROM session_notes n WHERE n.participant_id = $1`,
      [participantId],
    );
    const byKey = new Map(rows.map((row) => [row.key as string, row]));
    expect(byKey.size).toBe(rows.length); // no key twice
    for (const [key, id] of acknowledged) {
      expect(byKey.get(key)).toMatchObject({ id, sections: body(key).sections, units: 2, audited: 1 });
    }
    // No partial note: every row the crash left is whole and audited, acknowledged or not.
    for (const row of rows) expect([row.sections, row.units, row.audited]).toEqual([body(row.key).sections, 2, 1]);

    // After a restart, retrying every request that was never acknowledged makes one note per key.
    const second = start();
    await second.ready;
    try {
      const unacknowledged = sent.filter((key) => !acknowledged.has(key));
      for (const key of unacknowledged) expect(await create(key)).toEqual(expect.any(String));
      for (const key of sent.slice(0, 5)) expect(await create(key)).toEqual(acknowledged.get(key) ?? byKey.get(key)?.id ?? expect.any(String));
      const after = await database.owner.query(`SELECT idempotency_key AS key, count(*)::int AS copies FROM session_notes WHERE participant_id = $1 GROUP BY 1`, [participantId]);
      expect(after.rows).toHaveLength(sent.length);
      expect(after.rows.every((row) => row.copies === 1)).toBe(true);
    } finally {
      second.process.kill('SIGTERM');
      await new Promise((done) => second.process.once('exit', done));
    }
  }, 120_000);
});

/** `crash-<writer>-<n>` → a distinct day for every key a run can send. */
function daysAgo(key: string): number {
  const [, writer, n] = key.split('-').map(Number);
  return writer * 1000 + n;
}

