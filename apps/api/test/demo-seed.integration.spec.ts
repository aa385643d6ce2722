import { DEMO_PASSWORD, seedDemoProgram } from '@waypoint/api-demo-data';
import { createTestDatabase, type TestDatabase } from '@waypoint/api-testing';

describe('demo seed', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('seeds one program, one team, a user per role and assigned synthetic participants', async () => {
    const outcome = await seedDemoProgram(database.ownerUrl);
    expect(outcome).toMatchObject({ seeded: true, password: DEMO_PASSWORD });

    const q = async (sql: string) => (await database.owner.query(sql)).rows;
    expect(await q('SELECT count(*)::int AS n FROM programs')).toEqual([{ n: 1 }]);
    const roles = (await q('SELECT DISTINCT role FROM users ORDER BY role')).map((row) => row['role']);
    expect(roles).toEqual(['admin', 'clinician', 'specialist', 'supervisor']);
    const [team] = await q('SELECT t.name, u.role FROM teams t JOIN users u ON u.id = t.supervisor_id');
    expect(team).toEqual({ name: 'Northside Peer Team', role: 'supervisor' });
    const unassigned = await q(`
      SELECT p.id FROM participants p
      WHERE NOT EXISTS (SELECT 1 FROM care_assignments a WHERE a.participant_id = p.id AND a.ends_on IS NULL)`);
    expect(unassigned).toEqual([]);
    expect((await q('SELECT count(*)::int AS n FROM participants'))[0]['n']).toBeGreaterThanOrEqual(10);
    // Synthetic only: reserved .test e-mail domain and the 555-01xx fiction phone range.
    const contacts = await q('SELECT email, phone FROM participants');
    for (const { email, phone } of contacts) {
      expect(email).toMatch(/\.test$/);
      expect(phone).toMatch(/555-01\d\d$/);
    }
  });

  it('stores argon2id hashes at the OWASP parameters, never the password', async () => {
    const hashes = (await database.owner.query('SELECT password_hash FROM users')).rows.map((row) => row['password_hash']);
    for (const hash of hashes) {
      expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
      expect(hash).not.toContain(DEMO_PASSWORD);
    }
  });

  it('never seeds twice', async () => {
    expect(await seedDemoProgram(database.ownerUrl)).toEqual({ seeded: false, reason: 'the demo program is already there' });
    expect(await seedDemoProgram(database.ownerUrl, { force: true })).toMatchObject({ seeded: false });
  });

  it('refuses a database that already holds another program unless forced', async () => {
    const other = await createTestDatabase();
    try {
      await other.owner.query(`INSERT INTO programs (name, slug) VALUES ('Real program', 'real-program')`);
      const refused = await seedDemoProgram(other.ownerUrl);
      expect(refused).toMatchObject({ seeded: false, reason: expect.stringContaining('--force') });
      expect((await other.owner.query('SELECT count(*)::int AS n FROM users')).rows[0]['n']).toBe(0);
      expect(await seedDemoProgram(other.ownerUrl, { force: true })).toMatchObject({ seeded: true });
    } finally {
      await other.drop();
    }
  });
});
