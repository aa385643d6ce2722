import { MIGRATIONS_TABLE, runMigrations } from '@waypoint/api-database';
import { createTestDatabase, type TestDatabase } from '@waypoint/api-testing';
import { DataSource } from 'typeorm';
import { appConnectionOptions } from '@waypoint/api-database';

/** The API connects as the owner's URL but must act with the app role's grants only. */
describe('database roles and migrations', () => {
  let database: TestDatabase;
  let api: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await new DataSource(appConnectionOptions(database.appUrl, 2, 5000)).initialize();
  });

  afterAll(async () => {
    await api?.destroy();
    await database?.drop();
  });

  it('runs API queries as waypoint_app, in UTC, with a statement timeout', async () => {
    const [row] = await api.query(`SELECT current_user AS role, current_setting('TimeZone') AS tz, current_setting('statement_timeout') AS timeout`);
    expect(row).toEqual({ role: 'waypoint_app', tz: 'UTC', timeout: '5s' });
  });

  it('lets the app role read and write program data', async () => {
    const [program] = await api.query(`INSERT INTO programs (name, slug) VALUES ('Test program', 'test-program') RETURNING id`);
    const rows = await api.query('SELECT name FROM programs WHERE id = $1', [program.id]);
    expect(rows).toEqual([{ name: 'Test program' }]);
  });

  it('refuses the app role any schema change', async () => {
    await expect(api.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
    await expect(api.query('DROP TABLE participants')).rejects.toThrow(/must be owner/);
    await expect(api.query(`SELECT * FROM ${MIGRATIONS_TABLE}`)).rejects.toThrow(/permission denied/);
  });

  it('records applied migrations and applies nothing the second time', async () => {
    const { rows } = await database.owner.query(`SELECT name FROM ${MIGRATIONS_TABLE}`);
    expect(rows.map((row) => row['name'])).toContain('Foundation1763700000000');
    expect(await runMigrations(database.ownerUrl)).toEqual([]);
  });

  it('enforces one active primary specialist per participant', async () => {
    const owner = database.owner;
    const { rows: [program] } = await owner.query(`INSERT INTO programs (name, slug) VALUES ('P', 'p-unique') RETURNING id`);
    const { rows: [user] } = await owner.query(
      `INSERT INTO users (program_id, email, display_name, role) VALUES ($1, 'a@x.test', 'A', 'specialist') RETURNING id`,
      [program.id],
    );
    const { rows: [participant] } = await owner.query(
      `INSERT INTO participants (program_id, legal_first_name, legal_last_name, date_of_birth) VALUES ($1, 'T', 'P', '1990-01-01') RETURNING id`,
      [program.id],
    );
    const assign = `INSERT INTO care_assignments (program_id, participant_id, specialist_id, kind, starts_on) VALUES ($1, $2, $3, 'primary', current_date)`;
    await owner.query(assign, [program.id, participant.id, user.id]);
    await expect(owner.query(assign, [program.id, participant.id, user.id])).rejects.toThrow(/care_assignments_one_primary_idx/);
  });
});
