import type { NestExpressApplication } from '@nestjs/platform-express';
import { verifyChain } from '@waypoint/api-audit';
import type { AppConfig } from '@waypoint/api-config';
import { createTestDatabase, createTestProgram, createTestUser, testConfig, type TestDatabase } from '@waypoint/api-testing';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

/** The trail itself: append-only at the database, one chain under concurrency, tamper found. */
describe('audit trail', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;

  const appClient = async () => {
    const client = new Client({ connectionString: database.appUrl, options: '-c role=waypoint_app' });
    await client.connect();
    return client;
  };
  const verify = (incremental = false) => verifyChain(async (sql, params) => (await database.owner.query(sql, params)).rows, { incremental });

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('records sign-in, failures, lockout and sign-out as security events, with the request’s id, address and agent', async () => {
    const user = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'specialist' });
    const server = request(app.getHttpServer());
    await server.post('/api/v1/auth/sign-in').set('X-Request-Id', 'audit-test-unknown-email').send({ email: 'nobody@tests.waypoint.test', password: 'x'.repeat(12) }).expect(401);
    const session = await signIn(app, user);
    await session.agent.post('/api/v1/auth/sign-out').set('X-CSRF-Token', session.csrf).expect(204);
    for (let i = 0; i < 6; i++) await server.post('/api/v1/auth/sign-in').send({ email: user.email, password: 'wrong password 123' }).expect(401);

    const { rows } = await database.owner.query(
      `SELECT action, outcome FROM audit_events WHERE actor_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(rows.map((row) => `${row.action}:${row.outcome}`)).toEqual([
      'auth.password:success',
      'auth.sign-in:success',
      'auth.sign-out:success',
      ...Array(6).fill('auth.password:denied'),
      'auth.lockout:denied',
    ]);
    const unknown = await database.owner.query(`SELECT actor_id, outcome, ip, user_agent FROM audit_events WHERE request_id = 'audit-test-unknown-email'`);
    expect(unknown.rows).toEqual([{ actor_id: null, outcome: 'denied', ip: expect.stringMatching(/127\.0\.0\.1/), user_agent: null }]);
  });

  it('records a refusal by role as access.denied, naming the route', async () => {
    const specialist = await signIn(app, await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'specialist' }));
    await specialist.agent.get('/api/v1/users').set('X-Request-Id', 'audit-test-denied-route').expect(403);
    const { rows } = await database.owner.query(`SELECT action, outcome, resource_type, resource_id FROM audit_events WHERE request_id = 'audit-test-denied-route'`);
    expect(rows).toEqual([{ action: 'access.denied', outcome: 'denied', resource_type: 'route', resource_id: 'GET /api/v1/users' }]);
  });

  it('lets the application role add and read rows, never change or remove them', async () => {
    const client = await appClient();
    try {
      await client.query(`INSERT INTO audit_events (action, outcome) VALUES ('test.append', 'success')`);
      // Only the database sets a row's id, hash and time (the app role's grant names the other columns).
      for (const column of ['id', 'hash', 'occurred_at']) {
        const value = { id: '1', hash: `'\\x00'`, occurred_at: `'2015-01-01T00:00:00Z'` }[column];
        await expect(client.query(`INSERT INTO audit_events (${column}, action, outcome) VALUES (${value}, 'test.forged', 'success')`)).rejects.toThrow(/permission denied/);
      }
      await expect(client.query(`UPDATE audit_events SET action = 'test.changed'`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`TRUNCATE audit_events`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`UPDATE audit_chain_head SET last_id = 0`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`SELECT audit_drop_partition('audit_events_2000_01', 12)`)).rejects.toThrow(/no such audit partition/);
    } finally {
      await client.end();
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE even to the schema owner', async () => {
    const owner = database.owner;
    await expect(owner.query(`UPDATE audit_events SET action = 'test.changed' WHERE id = 1`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(owner.query(`DELETE FROM audit_events WHERE id = 1`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(owner.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [partition] = (await owner.query(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_events'::regclass LIMIT 1`)).rows;
    await expect(owner.query(`TRUNCATE ${partition.relname}`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(owner.query(`SELECT audit_drop_partition($1, 72)`, [partition.relname])).rejects.toThrow(/retention period/);
  });

  it('forms one unbroken chain from 8 concurrent writers × 500 events', async () => {
    const before = Number((await database.owner.query(`SELECT count(*) FROM audit_events`)).rows[0].count);
    const writers = await Promise.all(Array.from({ length: 8 }, appClient));
    try {
      await Promise.all(
        writers.map(async (client, writer) => {
          for (let i = 0; i < 500; i++) {
            await client.query(`INSERT INTO audit_events (action, outcome, resource_type, resource_id) VALUES ('test.concurrent', 'success', 'writer', $1)`, [
              `${writer}-${i}`,
            ]);
          }
        }),
      );
    } finally {
      await Promise.all(writers.map((client) => client.end()));
    }
    const { rows } = await database.owner.query(`SELECT count(*)::int AS n, min(id)::int AS first, max(id)::int AS last FROM audit_events`);
    expect(rows[0]).toEqual({ n: before + 4000, first: 1, last: before + 4000 });
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checked: before + 4000, throughId: before + 4000 });
    // 4,000 commits, one at a time behind the head lock: a few seconds here, far more on a busy
    // CI runner whose other worker shares the server.
  }, 120_000);

  // The trigger carries the running head through a transaction and stores it once per statement.
  it('keeps one chain through batches, several statements per transaction, rolled-back savepoints and a partition named directly', async () => {
    const before = Number((await database.owner.query(`SELECT count(*) FROM audit_events`)).rows[0].count);
    const batch = (writer: number, round: number, size: number) =>
      `INSERT INTO audit_events (action, outcome, resource_type, resource_id)
       SELECT 'test.batch', 'success', 'writer', '${writer}-${round}-' || n FROM generate_series(1, ${size}) AS n`;
    const writers = await Promise.all(Array.from({ length: 4 }, appClient));
    try {
      await Promise.all(
        writers.map(async (client, writer) => {
          for (let round = 0; round < 20; round++) {
            await client.query('BEGIN');
            await client.query(batch(writer, round, 25));
            await client.query('SAVEPOINT maybe');
            await client.query(batch(writer, round + 100, 7));
            await client.query('ROLLBACK TO SAVEPOINT maybe'); // these 7 never happened
            await client.query(batch(writer, round + 200, 5));
            await client.query(round % 5 === 4 ? 'ROLLBACK' : 'COMMIT');
          }
        }),
      );
    } finally {
      await Promise.all(writers.map((client) => client.end()));
    }
    const [{ current }] = (await database.owner.query(`SELECT 'audit_events_' || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM') AS current`)).rows;
    await database.owner.query(`INSERT INTO ${current} (action, outcome) SELECT 'test.direct', 'success' FROM generate_series(1, 3)`);
    await database.owner.query(`INSERT INTO audit_events (action, outcome) VALUES ('test.after-direct', 'success')`);

    const added = 4 * 16 * 30 + 3 + 1; // 16 committed rounds of 25 + 5 per writer
    const { rows } = await database.owner.query(`SELECT count(*)::int AS n, max(id)::int AS last FROM audit_events`);
    expect(rows[0]).toEqual({ n: before + added, last: before + added });
    const [head] = (await database.owner.query(`SELECT last_id::int FROM audit_chain_head`)).rows;
    expect(head.last_id).toBe(before + added);
    expect(await verify()).toMatchObject({ ok: true, checked: before + added });
  });

  // What AuditWriter sends: one audit_append per batch, one array per column.
  const append = (client: Client, resourceIds: string[], action = 'test.append-batch') =>
    client.query(`SELECT audit_append($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])`, [
      resourceIds.map(() => programId),
      resourceIds.map(() => null),
      resourceIds.map(() => 'specialist'),
      resourceIds.map(() => action),
      resourceIds.map(() => 'writer'),
      resourceIds,
      resourceIds.map(() => null),
      resourceIds.map(() => 'success'),
      resourceIds.map((id) => `request-${id}`),
      resourceIds.map(() => '10.0.0.1'),
      resourceIds.map(() => 'jest|with "quotes", commas and ünïcode'),
      resourceIds.map(() => null),
    ]);

  it('chains audit_append batches and trigger-chained rows into one chain across 8 concurrent writers', async () => {
    const before = Number((await database.owner.query(`SELECT count(*) FROM audit_events`)).rows[0].count);
    const writers = await Promise.all(Array.from({ length: 8 }, appClient));
    const ids = (writer: number, round: number, part: string, size: number) => Array.from({ length: size }, (_, n) => `${writer}-${round}-${part}-${n}`);
    try {
      await Promise.all(
        writers.map(async (client, writer) => {
          for (let round = 0; round < 15; round++) {
            await client.query('BEGIN');
            await append(client, ids(writer, round, 'a', 40));
            await client.query(`INSERT INTO audit_events (action, outcome, resource_type, resource_id) VALUES ('test.single', 'success', 'writer', $1)`, [`${writer}-${round}-s`]);
            await append(client, ids(writer, round, 'b', 3));
            await client.query(round % 5 === 4 ? 'ROLLBACK' : 'COMMIT');
          }
        }),
      );
    } finally {
      await Promise.all(writers.map((client) => client.end()));
    }
    const added = 8 * 12 * 44; // 12 committed rounds of 40 + 1 + 3 per writer
    const { rows } = await database.owner.query(`SELECT count(*)::int AS n, max(id)::int AS last FROM audit_events`);
    expect(rows[0]).toEqual({ n: before + added, last: before + added });
    expect((await database.owner.query(`SELECT last_id::int FROM audit_chain_head`)).rows[0].last_id).toBe(before + added);
    expect(await verify()).toMatchObject({ ok: true, checked: before + added });
    // A batch's rows keep their order in the chain and share one reading of the clock.
    const batch = await database.owner.query(`SELECT id::int, resource_id, occurred_at FROM audit_events WHERE resource_id LIKE '0-0-a-%' ORDER BY id`);
    expect(batch.rows.map((row) => row.resource_id)).toEqual(ids(0, 0, 'a', 40));
    expect(batch.rows.at(-1).id - batch.rows[0].id).toBe(39);
    expect(new Set(batch.rows.map((row) => row.occurred_at.toISOString())).size).toBe(1);
  });

  it('refuses an audit_append whose column arrays differ in length, and writes nothing', async () => {
    const client = await appClient();
    try {
      const [{ last_id: before }] = (await database.owner.query(`SELECT last_id FROM audit_chain_head`)).rows;
      const uneven = Array.from({ length: 12 }, (_, column) => (column === 5 ? ['a', 'b'] : column === 0 ? [programId, programId, programId] : [null, null, null]));
      await expect(
        client.query(`SELECT audit_append($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])`, uneven),
      ).rejects.toMatchObject({ code: '22023' });
      expect((await database.owner.query(`SELECT last_id FROM audit_chain_head`)).rows[0].last_id).toBe(before);
      expect((await append(client, [])).rows[0].audit_append).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('names the first altered row, and the first missing one, when someone bypasses the trigger', async () => {
    const owner = database.owner;
    await owner.query(`INSERT INTO audit_checkpoints (verified_through, head_hash, row_count) SELECT id, hash, id FROM audit_events ORDER BY id DESC LIMIT 1`);
    for (let i = 0; i < 5; i++) await owner.query(`INSERT INTO audit_events (action, outcome) VALUES ('test.after-checkpoint', 'success')`);
    const { rows } = await owner.query(`SELECT id::int FROM audit_events WHERE action = 'test.after-checkpoint' ORDER BY id`);
    const target = rows[2].id;
    expect(await verify(true)).toMatchObject({ ok: true, checked: 5 });

    // A superuser with triggers off (session_replication_role) edits one row in place.
    await owner.query(`SET session_replication_role = replica`);
    try {
      await owner.query(`UPDATE audit_events SET action = 'test.innocent' WHERE id = $1`, [target]);
    } finally {
      await owner.query(`SET session_replication_role = DEFAULT`);
    }
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: target, problem: `row ${target} does not match its hash` });
    expect(await verify(true)).toMatchObject({ ok: false, firstBrokenId: target });

    await owner.query(`SET session_replication_role = replica`);
    try {
      await owner.query(`DELETE FROM audit_events WHERE id = $1`, [target]);
    } finally {
      await owner.query(`SET session_replication_role = DEFAULT`);
    }
    expect(await verify(true)).toMatchObject({ ok: false, firstBrokenId: target, problem: `rows ${target}–${target} are missing` });
  });
});
