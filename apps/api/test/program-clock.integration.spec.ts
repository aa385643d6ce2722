import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@waypoint/api-config';
import { createTestDatabase, createTestParticipant, createTestProgram, createTestTeam, createTestUser, testConfig, type TestDatabase } from '@waypoint/api-testing';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

type Session = Awaited<ReturnType<typeof signIn>>;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How long the scenarios may take: a zone is only used if its date stays put that long. */
const MARGIN_MS = 10 * MINUTE_MS;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);
const dayIn = (zone: string, at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const shift = (day: string, days: number) => isoDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
/** A calendar date as a sentence writes it: "Nov 28, 2026". */
const spoken = (day: string) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));

interface ProgramClock {
  zone: string;
  /** The program's calendar day now, worked out here (not by the code under test). */
  today: string;
}

/**
 * A program zone whose calendar day differs from UTC's right now, in the given direction: a
 * real zone when one does (Chicago in the evening, Tokyo in the morning…), otherwise a fixed
 * POSIX offset built so that it is 23:30 yesterday (behind) or 00:30 tomorrow (ahead) in the
 * program. PostgreSQL accepts such offsets beyond ±14 h, so the test proves the point at any
 * hour of the day. The date must hold for the whole run on both clocks.
 */
function pickClock(direction: 'behind' | 'ahead'): ProgramClock {
  const now = Date.now();
  const utc = isoDay(now);
  const stays = isoDay(now + MARGIN_MS) === utc;
  const zones = direction === 'behind' ? ['America/Chicago', 'Pacific/Pago_Pago', 'Etc/GMT+12'] : ['Asia/Tokyo', 'Pacific/Kiritimati'];
  for (const zone of zones) {
    const today = dayIn(zone, now);
    const differs = direction === 'behind' ? today < utc : today > utc;
    if (stays && differs && dayIn(zone, now + MARGIN_MS) === today) return { zone, today };
  }
  const intoUtcDay = Math.floor((now % DAY_MS) / MINUTE_MS);
  // Minutes the program's clock is behind (or ahead of) UTC's.
  const offset = direction === 'behind' ? intoUtcDay + 30 : 24 * 60 - intoUtcDay + 30;
  const hhmm = `${String(Math.floor(offset / 60)).padStart(2, '0')}:${String(offset % 60).padStart(2, '0')}`;
  // POSIX signs are inverted: "<-x>+hh:mm" is hh:mm behind UTC.
  const zone = direction === 'behind' ? `<-${hhmm.replace(':', '')}>+${hhmm}` : `<+${hhmm.replace(':', '')}>-${hhmm}`;
  return { zone, today: isoDay(direction === 'behind' ? now - offset * MINUTE_MS : now + offset * MINUTE_MS) };
}

/**
 * Every calendar-day decision is made on the program's clock (program-clock.ts), checked when the
 * program's day is not UTC's: a zone where it is still yesterday evening while UTC is already
 * tomorrow, and one east of UTC where it is already tomorrow. Each scenario asserts both sides
 * of the day boundary, so whichever way the zone differs, a UTC "today" fails it.
 */
describe.each([
  ['west of UTC, still yesterday there', 'behind'],
  ['east of UTC, already tomorrow there', 'ahead'],
] as const)('the program clock, %s', (_title, direction) => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  let clock: ProgramClock;
  let today: string;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};

  const send = (who: string, path: string, body: object) => as[who].agent.post(`/api/v1${path}`).set('X-CSRF-Token', as[who].csrf).send(body);
  const get = (who: string, path: string) => as[who].agent.get(`/api/v1${path}`);
  const caseload = async (query = '') => {
    const { body } = await get('specialist', `/participants?limit=100${query}`).expect(200);
    return body.items as { id: string; lastContactOn: string | null; daysSinceContact: number | null; contactOverdue: boolean }[];
  };
  const row = async (id: string) => (await caseload()).find((item) => item.id === id);
  // Assigned since yesterday unless a test says otherwise, so only the test's own dates are at stake.
  const participant = (options: { startsOn?: string; endsOn?: string } = {}) =>
    createTestParticipant(database.owner, programId, { assignTo: ids['specialist'], startsOn: shift(today, -1), ...options });

  beforeAll(async () => {
    clock = pickClock(direction);
    today = clock.today;
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner, undefined, clock.zone);
    const team = await createTestTeam(database.owner, programId);
    for (const [name, role] of [['specialist', 'specialist'], ['teammate', 'specialist'], ['third', 'specialist'], ['startsToday', 'specialist'], ['startsTomorrow', 'specialist'], ['supervisor', 'supervisor']] as const) {
      const user = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role, teamId: team });
      ids[name] = user.id;
      as[name] = await signIn(app, user);
    }
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [team, ids['supervisor']]);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('runs in a zone whose day is not UTC’s', () => {
    // The premise of every test below; if this fails, pickClock is wrong, not the app.
    expect(today).not.toBe(isoDay(Date.now()));
  });

  it('a follow-up due today is not overdue; one due yesterday is, in the task lists and the caseload filter', async () => {
    const dueToday = await participant();
    const dueYesterday = await participant();
    await send('specialist', `/participants/${dueToday}/tasks`, { title: 'Call about the bus pass', dueOn: today }).expect(201);
    await send('specialist', `/participants/${dueYesterday}/tasks`, { title: 'Drop off the forms', dueOn: shift(today, -1) }).expect(201);

    const { body } = await get('specialist', '/tasks?limit=100').expect(200);
    const overdue = Object.fromEntries(body.items.map((task: { participantId: string; overdue: boolean }) => [task.participantId, task.overdue]));
    expect([overdue[dueToday], overdue[dueYesterday]]).toEqual([false, true]);

    const filtered = (await caseload('&followUp=overdue')).map((item) => item.id);
    expect([filtered.includes(dueToday), filtered.includes(dueYesterday)]).toEqual([false, true]);
  });

  it('a contact recorded today is 0 days ago, whether dated by hand, by default or by a note’s start time', async () => {
    const assessed = await participant();
    await send('specialist', `/participants/${assessed}/assessments`, { answers: [5, 4, 4, 3, 5, 4, 5, 6, 4, 5], takenOn: today }).expect(201);
    expect(await row(assessed)).toMatchObject({ lastContactOn: today, daysSinceContact: 0, contactOverdue: false });

    // Left out, the day is the program's today.
    const crisis = await participant();
    await send('specialist', `/participants/${crisis}/safety-events`, { kind: 'crisis', description: 'Called after a hard night; talked it through.' }).expect(201);
    expect(await row(crisis)).toMatchObject({ lastContactOn: today, daysSinceContact: 0 });

    // A note that started a minute ago counts on the program's day, in the caseload and the timeline.
    const met = await participant();
    const note = {
      startedAt: new Date(Date.now() - MINUTE_MS).toISOString(),
      durationMinutes: 30,
      contactType: 'individual',
      modality: 'in_person',
      sections: { goal: 'Keep the clinic visit', intervention: 'Walked the route', response: 'Calmer', plan: 'Check in after' },
    };
    await send('specialist', `/participants/${met}/notes`, note).expect(201);
    expect(await row(met)).toMatchObject({ lastContactOn: today, daysSinceContact: 0 });
    const timeline = await get('specialist', `/participants/${met}/timeline`).expect(200);
    expect(timeline.body.items).toEqual([expect.objectContaining({ kind: 'session-note', on: today })]);
  });

  it('counts "no contact past the threshold" from the program’s today', async () => {
    const threshold = config.caseload.contactOverdueDays;
    const atThreshold = await participant();
    const pastThreshold = await participant();
    for (const [id, daysAgo] of [
      [atThreshold, threshold],
      [pastThreshold, threshold + 1],
    ] as const) {
      await database.owner.query(`INSERT INTO assessments (program_id, participant_id, taken_on, answers, recorded_by) VALUES ($1, $2, $3::date, '{4,4,4,4,4,4,4,4,4,4}', $4)`,
        [programId, id, shift(today, -daysAgo), ids['specialist']],
      );
    }
    expect([(await row(atThreshold))?.daysSinceContact, (await row(pastThreshold))?.daysSinceContact]).toEqual([threshold, threshold + 1]);
    const filtered = (await caseload('&contact=overdue')).map((item) => item.id);
    expect([filtered.includes(atThreshold), filtered.includes(pastThreshold)]).toEqual([false, true]);
  });

  it('an assignment counts from its first day to (not including) its last, on the program’s calendar', async () => {
    const startsToday = await participant({ startsOn: today });
    const startsTomorrow = await participant({ startsOn: shift(today, 1) });
    const endedToday = await participant({ startsOn: shift(today, -30), endsOn: today });
    const endsTomorrow = await participant({ startsOn: shift(today, -30), endsOn: shift(today, 1) });
    const visible = (await caseload()).map((item) => item.id);
    expect([startsToday, startsTomorrow, endedToday, endsTomorrow].map((id) => visible.includes(id))).toEqual([true, false, false, true]);

    // A supervisor may start one today (not "in the past"); left out, it starts today and is current.
    const handedOver = await participant();
    await send('supervisor', `/participants/${handedOver}/assignments`, { specialistId: ids['teammate'], kind: 'secondary', startsOn: today }).expect(201);
    await send('supervisor', `/participants/${handedOver}/assignments`, { specialistId: ids['teammate'], kind: 'secondary', startsOn: shift(today, -1) }).expect(400);
    const byDefault = await participant({ startsOn: shift(today, -30), endsOn: shift(today, 30) });
    const made = await send('supervisor', `/participants/${byDefault}/assignments`, { specialistId: ids['teammate'], kind: 'secondary' }).expect(201);
    expect(made.body.items).toContainEqual(expect.objectContaining({ specialistId: ids['teammate'], startsOn: today, current: true }));
    // A transfer already scheduled is named by its day in words, not as an ISO date.
    const transferred = await participant({ startsOn: shift(today, -30) });
    await send('supervisor', `/participants/${transferred}/assignments`, { specialistId: ids['teammate'], kind: 'primary', startsOn: shift(today, 5) }).expect(201);
    const clash = await send('supervisor', `/participants/${transferred}/assignments`, { specialistId: ids['third'], kind: 'primary' }).expect(409);
    expect(clash.body.detail).toBe(`A primary assignment already starts on ${spoken(shift(today, 5))}; a transfer must take effect after it.`);

    // The schema no longer guesses a first day on the database's clock: an insert must name it.
    await expect(
      database.owner.query(`INSERT INTO care_assignments (program_id, participant_id, specialist_id, kind) VALUES ($1, $2, $3, 'secondary')`, [
        programId,
        byDefault,
        ids['supervisor'],
      ]),
    ).rejects.toThrow(/starts_on/);
  });

  it('counts a specialist’s caseload and notifies supervisors by who is assigned on the program’s today', async () => {
    // Caseload sizes on the supervisor's assignment list: an assignment starting today counts, tomorrow's not yet.
    await createTestParticipant(database.owner, programId, { assignTo: ids['startsToday'], startsOn: today });
    await createTestParticipant(database.owner, programId, { assignTo: ids['startsTomorrow'], startsOn: shift(today, 1) });
    const { body } = await get('supervisor', '/care-team/specialists').expect(200);
    const size = (id: string) => body.items.find((item: { id: string }) => item.id === id)?.caseloadSize;
    expect([size(ids['startsToday']), size(ids['startsTomorrow'])]).toEqual([1, 0]);

    // An overdose notifies the supervisor of each specialist assigned today, not tomorrow's.
    const team = await createTestTeam(database.owner, programId);
    const other = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'supervisor', teamId: team });
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [team, other.id]);
    const member = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'specialist', teamId: team });
    const otherSupervisor = await signIn(app, other);
    const flagged: Record<string, string> = {};
    for (const [name, startsOn] of [
      ['today', today],
      ['tomorrow', shift(today, 1)],
    ] as const) {
      flagged[name] = await participant();
      await database.owner.query(
        `INSERT INTO care_assignments (program_id, participant_id, specialist_id, kind, starts_on) VALUES ($1, $2, $3, 'secondary', $4::date)`,
        [programId, flagged[name], member.id, startsOn],
      );
      await send('specialist', `/participants/${flagged[name]}/safety-events`, { kind: 'overdose', occurredOn: shift(today, -1), description: 'Revived by a friend.' }).expect(201);
    }
    const notified = (await otherSupervisor.agent.get('/api/v1/notifications').expect(200)).body.items.map((item: { participantId: string }) => item.participantId);
    expect([notified.includes(flagged['today']), notified.includes(flagged['tomorrow'])]).toEqual([true, false]);
  });

  it('dates what happens today on the program’s day, accepts today, and refuses tomorrow as the future', async () => {
    const person = await participant();
    // A status change effective today is not "in the future"; tomorrow is.
    const version = async () => (await database.owner.query(`SELECT version FROM participants WHERE id = $1`, [person])).rows[0].version;
    await send('specialist', `/participants/${person}/status`, { status: 'active', effectiveOn: shift(today, 1), version: await version() }).expect(400);
    await send('specialist', `/participants/${person}/status`, { status: 'active', effectiveOn: today, version: await version() }).expect(200);
    await send('specialist', `/participants/${person}/safety-events`, { kind: 'crisis', occurredOn: shift(today, 1), description: 'Not yet.' }).expect(400);
    // An overdose left undated is today's, and the flag's reason says so in words, not ISO.
    const overdose = await send('specialist', `/participants/${person}/safety-events`, { kind: 'overdose', description: 'Revived with naloxone at home.' }).expect(201);
    expect(overdose.body.participant.highRiskReason).toBe(`Overdose recorded for ${spoken(today)}`);

    // Goal progress and a goal's status change, left undated, fall on today.
    const goal = await send('specialist', `/participants/${person}/goals`, { dimension: 'home', statement: 'Find a quiet room near work' }).expect(201);
    const goalId = goal.body.id as string;
    await send('specialist', `/goals/${goalId}/progress`, { rating: 6 }).expect(201);
    await send('specialist', `/goals/${goalId}/status`, { status: 'achieved', version: 1 }).expect(200);
    const { rows } = await database.owner.query(
      `SELECT g.status_changed_on::text AS changed, (SELECT max(recorded_on)::text FROM goal_progress WHERE goal_id = g.id) AS progress FROM goals g WHERE g.id = $1`,
      [goalId],
    );
    expect(rows[0]).toEqual({ changed: today, progress: today });
  });

  it('starts an intake’s assignment and "referred" status on the program’s today', async () => {
    const created = await send('specialist', '/participants', {
      legalFirstName: 'Rowan',
      legalLastName: `Clock-${direction}`,
      dateOfBirth: '1991-06-30',
      phone: '555-010-2233',
      recoveryPathways: ['mat'],
      primarySubstances: ['opioids'],
    }).expect(201);
    const id = created.body.id as string;
    const assignments = await get('specialist', `/participants/${id}/assignments`).expect(200);
    expect(assignments.body.items).toEqual([expect.objectContaining({ startsOn: today, current: true })]);
    const history = await get('specialist', `/participants/${id}/status-history`).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ toStatus: 'referred', effectiveOn: today })]);
  });
});
