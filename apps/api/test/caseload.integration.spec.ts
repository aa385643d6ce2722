import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@waypoint/api-config';
import {
  createTestDatabase,
  createTestGoal,
  createTestParticipant,
  createTestProgram,
  createTestTeam,
  createTestUser,
  testConfig,
  type TestDatabase,
  type TestUser,
} from '@waypoint/api-testing';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';
import { countStatements } from './statement-counter';

type Session = Awaited<ReturnType<typeof signIn>>;

/** "My caseload" (participants issue, item 3): what each row carries, search, filters, no N+1. */
describe('caseload', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const users: Record<string, TestUser> = {};
  const list = (who: string, query = '') => as[who].agent.get(`/api/v1/participants${query}`);

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
    const team = await createTestTeam(database.owner, programId);
    for (const name of ['small', 'large']) {
      const user = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'specialist', teamId: team });
      ids[name] = user.id;
      users[name] = user;
      as[name] = await signIn(app, user);
    }
    const owner = database.owner;
    ids['marcus'] = await createTestParticipant(owner, programId, { assignTo: ids['small'], firstName: 'Marcus', lastName: 'Bell', dateOfBirth: '1988-03-14' });
    ids['dani'] = await createTestParticipant(owner, programId, { assignTo: ids['small'], firstName: 'Danielle', lastName: 'Ortiz', dateOfBirth: '1995-07-02' });
    await owner.query(`UPDATE participants SET preferred_name = 'Dani', high_risk = true, high_risk_reason = 'Overdose' WHERE id = $1`, [ids['dani']]);
    for (const last of ['Walker', 'Nguyen', 'Lee']) {
      ids[last.toLowerCase()] = await createTestParticipant(owner, programId, { assignTo: ids['small'], lastName: last });
    }
    // Contacts: Dani's last was a safety event 20 days ago; Lee had goal progress yesterday;
    // Nguyen came in 30 days ago and has had none; Walker came in today and has had none.
    await owner.query(
      `INSERT INTO safety_events (program_id, participant_id, kind, occurred_on, description) VALUES ($1, $2, 'crisis', current_date - 20, 'Crisis call')`,
      [programId, ids['dani']],
    );
    const leeGoal = await createTestGoal(owner, programId, ids['lee']);
    await owner.query(`INSERT INTO goal_progress (program_id, goal_id, recorded_on, rating) VALUES ($1, $2, current_date - 40, 3), ($1, $2, current_date - 1, 6)`, [
      programId,
      leeGoal.goalId,
    ]);
    await owner.query(`UPDATE participants SET created_at = now() - interval '30 days' WHERE id = $1`, [ids['nguyen']]);
    // Marcus: two open tasks (one overdue), two active goals and a closed one, two BARC-10s.
    await owner.query(
      `INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on, done_at) VALUES
         ($1, $2, $3, 'Overdue call', current_date - 2, NULL), ($1, $2, $3, 'Later', current_date + 5, NULL),
         ($1, $2, $3, 'Done long ago', current_date - 30, now())`,
      [programId, ids['marcus'], ids['small']],
    );
    await createTestGoal(owner, programId, ids['marcus']);
    await createTestGoal(owner, programId, ids['marcus']);
    const closed = await createTestGoal(owner, programId, ids['marcus']);
    await owner.query(`UPDATE goals SET status = 'achieved' WHERE id = $1`, [closed.goalId]);
    await owner.query(
      `INSERT INTO assessments (program_id, participant_id, taken_on, answers, recorded_by) VALUES
         ($1, $2, current_date - 60, '{3,3,3,3,3,3,3,3,3,3}', $3), ($1, $2, current_date - 3, '{5,5,5,5,5,5,5,5,4,4}', $3)`,
      [programId, ids['marcus'], ids['small']],
    );
    // A large caseload, each person with a task, a goal and an assessment.
    await owner.query(
      `WITH people AS (
         INSERT INTO participants (program_id, legal_first_name, legal_last_name, date_of_birth)
         SELECT $1, 'Person', 'Large-' || lpad(n::text, 3, '0'), DATE '1980-01-01' + n FROM generate_series(1, 100) n RETURNING id),
       assigned AS (INSERT INTO care_assignments (program_id, participant_id, specialist_id, kind, starts_on) SELECT $1, id, $2, 'primary', current_date FROM people RETURNING participant_id),
       tasks AS (INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on) SELECT $1, participant_id, $2, 'Call', current_date + 1 FROM assigned),
       goals AS (INSERT INTO goals (program_id, participant_id, dimension, statement) SELECT $1, participant_id, 'health', 'Walk' FROM assigned)
       INSERT INTO assessments (program_id, participant_id, taken_on, answers, recorded_by)
       SELECT $1, participant_id, current_date, '{4,4,4,4,4,4,4,4,4,4}', $2 FROM assigned`,
      [programId, ids['large']],
    );
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('gives each row its next follow-up, open goals, latest BARC-10 and risk flag', async () => {
    const response = await list('small').expect(200);
    const marcus = response.body.items.find((item: { id: string }) => item.id === ids['marcus']);
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    expect(marcus).toMatchObject({ nextFollowUp: day(-2), openGoals: 2, latestBarc: 48, latestBarcOn: day(-3), highRisk: false });
    expect(marcus.nextTask).toEqual({ id: expect.any(String), title: 'Overdue call', dueOn: day(-2), version: 1 });
    expect(marcus).not.toHaveProperty('sortKey');
    const dani = response.body.items.find((item: { id: string }) => item.id === ids['dani']);
    expect(dani).toMatchObject({ nextFollowUp: null, nextTask: null, openGoals: 0, latestBarc: null, highRisk: true });
    // Lists stay lists: no date of birth or contact details in a row.
    expect(marcus).not.toHaveProperty('dateOfBirth');
    expect(marcus).not.toHaveProperty('phone');
  });

  it('gives each row its last contact, days since, and whether that is over the threshold', async () => {
    const response = await list('small').expect(200);
    expect(response.body.contactOverdueDays).toBe(14);
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const contact = Object.fromEntries(
      response.body.items.map((item: { legalLastName: string; lastContactOn: string | null; daysSinceContact: number | null; contactOverdue: boolean }) => [
        item.legalLastName,
        [item.lastContactOn, item.daysSinceContact, item.contactOverdue],
      ]),
    );
    expect(contact).toEqual({
      Bell: [day(-3), 3, false], // the latest BARC-10
      Ortiz: [day(-20), 20, true], // a safety event, over 14 days ago
      Lee: [day(-1), 1, false], // the latest goal progress, not the older one
      Nguyen: [null, null, true], // no contact in the 30 days since intake
      Walker: [null, null, false], // taken in today: not overdue yet
    });
  });

  it('filters to no recent contact, with the threshold from configuration', async () => {
    const names = async (query: string, who = as['small']) =>
      (await who.agent.get(`/api/v1/participants${query}`).expect(200)).body.items.map((item: { legalLastName: string }) => item.legalLastName);
    expect(await names('?contact=overdue')).toEqual(['Nguyen', 'Ortiz']);
    await list('small', '?contact=late').expect(400);

    // The same database and keys, with a two-day threshold.
    const strictConfig = testConfig({ CONTACT_OVERDUE_DAYS: '2', ENCRYPTION_KEY: config.secrets.encryptionKey.toString('base64') });
    const strictApp = await createApp(strictConfig, database.appUrl);
    await strictApp.init();
    try {
      const strict = await signIn(strictApp, users['small'], 1);
      expect(await names('?contact=overdue', strict)).toEqual(['Bell', 'Nguyen', 'Ortiz']);
      expect((await strict.agent.get('/api/v1/participants').expect(200)).body.contactOverdueDays).toBe(2);
    } finally {
      await strictApp.close();
    }
  });

  it('sorts by longest without contact or soonest follow-up, and pages each sort with its own cursor', async () => {
    const names = async (query: string) => (await list('small', query).expect(200)).body.items.map((item: { legalLastName: string }) => item.legalLastName);
    // Never contacted first (by name), then the oldest contact.
    expect(await names('?sort=lastContact')).toEqual(['Nguyen', 'Walker', 'Ortiz', 'Bell', 'Lee']);
    // The one with a follow-up first, then those without, by name.
    expect(await names('?sort=nextFollowUp')).toEqual(['Bell', 'Lee', 'Nguyen', 'Ortiz', 'Walker']);
    expect(await names('?sort=name')).toEqual(['Bell', 'Lee', 'Nguyen', 'Ortiz', 'Walker']);

    for (const sort of ['name', 'lastContact', 'nextFollowUp']) {
      const whole = await names(`?sort=${sort}`);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query = `?sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const body: { items: { legalLastName: string }[]; nextCursor: string | null } = (await list('small', query).expect(200)).body;
        paged.push(...body.items.map((item) => item.legalLastName));
        cursor = body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(whole);
    }

    // A cursor belongs to its sort; a made-up sort is refused.
    const { nextCursor } = (await list('small', '?sort=name&limit=2').expect(200)).body;
    const mixed = await list('small', `?sort=lastContact&cursor=${encodeURIComponent(nextCursor)}`).expect(400);
    expect(mixed.headers['content-type']).toContain('application/problem+json');
    await list('small', '?sort=age').expect(400);
    const forged = Buffer.from(JSON.stringify({ sort: 'lastContact', key: "2020-01-01'; --", lastName: 'A', firstName: 'B', id: ids['marcus'] })).toString('base64url');
    await list('small', `?sort=lastContact&cursor=${forged}`).expect(400);
  });

  it('searches by any part of the name, the preferred name, or the date of birth', async () => {
    const names = async (query: string) => (await list('small', query).expect(200)).body.items.map((item: { legalLastName: string }) => item.legalLastName);
    expect(await names('?search=bel')).toEqual(['Bell']);
    expect(await names('?search=DANI')).toEqual(['Ortiz']);
    expect(await names('?search=marcus%20b')).toEqual(['Bell']);
    expect(await names('?search=1995-07-02')).toEqual(['Ortiz']);
    expect(await names('?search=3%2F14%2F1988')).toEqual(['Bell']);
    expect(await names('?search=%25')).toEqual([]); // a LIKE wildcard is matched literally
    await list('small', '?search=2026-02-30').expect(400);
  });

  it('finds a name whatever its accents: "jose" finds José, "alv" finds Álvarez, and typed accents fold too', async () => {
    // Their own specialist, so the other tests' caseloads stay as they are.
    const specialist = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'specialist' });
    const session = await signIn(app, specialist);
    await createTestParticipant(database.owner, programId, { assignTo: specialist.id, firstName: 'José', lastName: 'Hernández' });
    await createTestParticipant(database.owner, programId, { assignTo: specialist.id, firstName: 'Ana', lastName: 'Álvarez' });
    await createTestParticipant(database.owner, programId, { assignTo: specialist.id, firstName: 'Joseph', lastName: 'Kowalski' });
    const names = async (search: string) =>
      (await session.agent.get(`/api/v1/participants?search=${encodeURIComponent(search)}`).expect(200)).body.items.map(
        (item: { legalLastName: string }) => item.legalLastName,
      );
    expect(await names('jose')).toEqual(['Hernández', 'Kowalski']);
    expect(await names('josé')).toEqual(['Hernández', 'Kowalski']);
    expect(await names('hernandez')).toEqual(['Hernández']);
    expect(await names('HERNÁNDEZ')).toEqual(['Hernández']);
    expect(await names('alv')).toEqual(['Álvarez']);
    expect(await names('ana alvarez')).toEqual(['Álvarez']);
    expect(await names('josex')).toEqual([]);
  });

  it('filters by risk and by an overdue follow-up', async () => {
    expect((await list('small', '?risk=high').expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual([ids['dani']]);
    expect((await list('small', '?followUp=overdue').expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual([ids['marcus']]);
    await list('small', '?risk=low').expect(400);
    await list('small', '?followUp=soon').expect(400);
  });

  it('reads 5 rows and 100 rows in the same number of SQL statements (no N+1)', async () => {
    const small = await countStatements(() => list('small', '?limit=100').expect(200));
    // One session due its idle-timer touch and one not, as a slow run leaves them: not a row's cost.
    await database.owner.query(`UPDATE auth_sessions SET last_seen_at = now() - interval '31 seconds' WHERE user_id = $1`, [ids['large']]);
    const large = await countStatements(() => list('large', '?limit=100').expect(200));
    expect(small.result.body.items).toHaveLength(5);
    expect(large.result.body.items).toHaveLength(100);
    expect(large.result.body.items.every((item: { openGoals: number; latestBarc: number }) => item.openGoals === 1 && item.latestBarc === 40)).toBe(true);
    expect(small.count).toBeGreaterThan(0);
    expect(large.count).toBe(small.count);
  });

  it('counts a session note as a contact, but not an attempted one', async () => {
    const person = await createTestParticipant(database.owner, programId, { assignTo: ids['small'], lastName: 'Zimmer' });
    await database.owner.query(`UPDATE participants SET created_at = now() - interval '60 days' WHERE id = $1`, [person]);
    const row = async () => (await list('small', '?search=zimmer').expect(200)).body.items[0];
    expect(await row()).toMatchObject({ lastContactOn: null, contactOverdue: true });
    const note = (daysAgo: number, contactType: string) =>
      database.owner.query(
        `INSERT INTO session_notes (program_id, participant_id, author_id, started_at, ended_at, contact_type, modality)
         VALUES ($1, $2, $3, now() - make_interval(days => $4::int), now() - make_interval(days => $4::int) + interval '30 minutes', $5, 'phone')`,
        [programId, person, ids['small'], daysAgo, contactType],
      );
    await note(1, 'attempted');
    expect(await row()).toMatchObject({ lastContactOn: null, contactOverdue: true });
    await note(4, 'individual');
    const day = new Date(Date.now() - 4 * 86_400_000).toISOString().slice(0, 10);
    expect(await row()).toMatchObject({ lastContactOn: day, daysSinceContact: 4, contactOverdue: false });
  });
});
