import { open } from '@waypoint/api-credentials';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemoProgram } from '@waypoint/api-demo-data';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@waypoint/api-testing';

describe('demo seed', () => {
  const encryptionKey = randomBytes(32);
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('seeds one program, one team, a user per role and assigned synthetic participants', async () => {
    const outcome = await seedDemoProgram(database.ownerUrl, { encryptionKey });
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
    expect((await q('SELECT count(*)::int AS n FROM participants'))[0]['n']).toBeGreaterThanOrEqual(40);
    const perSpecialist = await q(`SELECT count(*)::int AS n FROM care_assignments GROUP BY specialist_id ORDER BY n`);
    expect(perSpecialist.length).toBe(4);

    // A program that looks lived in: plans with progress, BARC-10 going both ways, tasks, a flag.
    const [work] = await q(`
      SELECT (SELECT count(*)::int FROM goals) AS goals, (SELECT count(*)::int FROM goal_steps WHERE done_at IS NOT NULL) AS "doneSteps",
             (SELECT count(*)::int FROM goal_progress) AS progress, (SELECT count(*)::int FROM tasks WHERE due_on < current_date) AS overdue,
             (SELECT count(*)::int FROM participants WHERE high_risk) AS flagged, (SELECT count(*)::int FROM notifications) AS notifications`);
    expect(work['goals']).toBeGreaterThanOrEqual(30);
    expect(work['doneSteps']).toBeGreaterThan(0);
    expect(work['progress']).toBeGreaterThan(work['goals']);
    expect(work['overdue']).toBeGreaterThanOrEqual(2);
    expect(work).toMatchObject({ flagged: 1, notifications: 1 });
    const trends = await q(`
      SELECT participant_id, (array_agg(total ORDER BY taken_on DESC))[1] - (array_agg(total ORDER BY taken_on))[1] AS change
        FROM assessments GROUP BY participant_id`);
    expect(trends.some((row) => row['change'] > 0)).toBe(true);
    expect(trends.some((row) => row['change'] < 0)).toBe(true);
    // The journeys build Marcus Bell's plan and first assessment themselves.
    const marcus = await q(`
      SELECT (SELECT count(*)::int FROM goals g WHERE g.participant_id = p.id) AS goals,
             (SELECT count(*)::int FROM assessments a WHERE a.participant_id = p.id) AS assessments
        FROM participants p WHERE legal_first_name = 'Marcus' AND legal_last_name = 'Bell'`);
    expect(marcus).toEqual([{ goals: 0, assessments: 0 }]);
    // Notes in every stage (the co-sign queue has work), none for Marcus, and none moving anyone's
    // last contact: each is dated on a day the participant's progress was already recorded.
    const notes = await q(`SELECT status, count(*)::int AS n FROM session_notes GROUP BY status ORDER BY status`);
    expect(notes.map((row) => row['status'])).toEqual(['cosigned', 'signed', 'submitted']);
    const [moved] = await q(`
      SELECT count(*)::int AS n FROM session_notes n
       WHERE NOT EXISTS (SELECT 1 FROM goals g JOIN goal_progress gp ON gp.goal_id = g.id
                          WHERE g.participant_id = n.participant_id AND gp.recorded_on >= (n.started_at AT TIME ZONE (SELECT time_zone FROM programs pr WHERE pr.id = n.program_id))::date)`);
    expect(moved).toEqual({ n: 0 });
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

  it('pre-enrolls every demo account in MFA with the sealed demo TOTP secret', async () => {
    const { rows } = await database.owner.query('SELECT id, mfa_secret, mfa_enabled_at FROM users');
    for (const row of rows) {
      expect(row['mfa_enabled_at']).not.toBeNull();
      expect(row['mfa_secret'].toString('latin1')).not.toContain(DEMO_TOTP_SECRET);
      expect(open(encryptionKey, row['mfa_secret'], row['id'])).toBe(DEMO_TOTP_SECRET);
    }
  });

  it('never seeds twice', async () => {
    expect(await seedDemoProgram(database.ownerUrl, { encryptionKey })).toEqual({ seeded: false, reason: 'the demo program is already there' });
    expect(await seedDemoProgram(database.ownerUrl, { encryptionKey, force: true })).toMatchObject({ seeded: false });
  });

  it('refuses a database that already holds another program unless forced', async () => {
    const other = await createTestDatabase();
    try {
      await other.owner.query(`INSERT INTO programs (name, slug) VALUES ('Real program', 'real-program')`);
      const refused = await seedDemoProgram(other.ownerUrl, { encryptionKey });
      expect(refused).toMatchObject({ seeded: false, reason: expect.stringContaining('--force') });
      expect((await other.owner.query('SELECT count(*)::int AS n FROM users')).rows[0]['n']).toBe(0);
      expect(await seedDemoProgram(other.ownerUrl, { encryptionKey, force: true })).toMatchObject({ seeded: true });
    } finally {
      await other.drop();
    }
  });
});
