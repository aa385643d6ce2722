import { verifyChain } from '@waypoint/api-audit';
import { createTestDatabase, type TestDatabase } from '@waypoint/api-testing';
import { Client } from 'pg';

/**
 * Retention drops whole verified months past the retention period, through the one procedure
 * allowed to, which anchors the chain and records itself; the rest of the chain still verifies.
 */
describe('audit retention', () => {
  let database: TestDatabase;
  let app: Client;
  const verify = (incremental = false) => verifyChain(async (sql, params) => (await database.owner.query(sql, params)).rows, { incremental });

  beforeAll(async () => {
    database = await createTestDatabase();
    app = new Client({ connectionString: database.appUrl, options: '-c role=waypoint_app' });
    await app.connect();
    // An old month, written first (as history is), then this month's events.
    await database.owner.query(`
      CREATE TABLE audit_events_2015_03 PARTITION OF audit_events
        FOR VALUES FROM ('2015-03-01 00:00:00+00') TO ('2015-04-01 00:00:00+00')`);
    // The owner backdates them: the app role may not set occurred_at (the database's clock does).
    for (let i = 0; i < 3; i++) {
      await database.owner.query(`INSERT INTO audit_events (occurred_at, action, outcome) VALUES ('2015-03-10T12:00:00Z', 'test.old', 'success')`);
    }
    for (let i = 0; i < 2; i++) await app.query(`INSERT INTO audit_events (action, outcome) VALUES ('test.recent', 'success')`);
  });

  afterAll(async () => {
    await app?.end();
    await database?.drop();
  });

  it('refuses to drop a month the verifier has not checked', async () => {
    await expect(app.query(`SELECT audit_drop_partition('audit_events_2015_03', 72)`)).rejects.toThrow(/not checked/);
  });

  it('drops a verified expired month, records it, and the kept chain still verifies', async () => {
    const checked = await verify();
    expect(checked).toMatchObject({ ok: true, checked: 5 });
    await app.query(`INSERT INTO audit_checkpoints (verified_through, head_hash, row_count) VALUES ($1, $2, $3)`, [
      checked.throughId,
      Buffer.from(checked.headHash, 'hex'),
      checked.checked,
    ]);
    await app.query(`SELECT audit_drop_partition('audit_events_2015_03', 72)`);

    expect((await database.owner.query(`SELECT to_regclass('audit_events_2015_03') AS t`)).rows[0].t).toBeNull();
    const { rows } = await database.owner.query(`SELECT action, resource_id, outcome FROM audit_events ORDER BY id`);
    expect(rows.map((row) => row.action)).toEqual(['test.recent', 'test.recent', 'audit.retention']);
    expect(rows[2]).toMatchObject({ resource_id: 'audit_events_2015_03', outcome: 'success' });
    expect(await verify()).toMatchObject({ ok: true, fromId: 3, checked: 3 });
  });

  it('refuses retention shorter than a year', async () => {
    await expect(app.query(`SELECT audit_drop_partition('audit_events_2015_03', 6)`)).rejects.toThrow(/no such audit partition|below 12 months/);
  });
});
