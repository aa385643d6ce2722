import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuditWriter } from '@waypoint/api-audit';
import type { AppConfig } from '@waypoint/api-config';
import {
  createTestDatabase,
  createTestParticipant,
  createTestProgram,
  createTestTeam,
  createTestUser,
  testConfig,
  type TestDatabase,
} from '@waypoint/api-testing';
import type { Role } from '@waypoint/shared-contracts';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

type Session = Awaited<ReturnType<typeof signIn>>;

/** Intake, edits, the status lifecycle and care assignments (participants issue, items 1–2). */
describe('participant intake, status and assignments', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const today = new Date().toISOString().slice(0, 10);
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  const send = (who: string, method: 'post' | 'patch', path: string, body: object) =>
    as[who].agent[method](`/api/v1${path}`).set('X-CSRF-Token', as[who].csrf).send(body);
  const get = (who: string, path: string) => as[who].agent.get(`/api/v1${path}`);
  const count = async (sql: string, params: unknown[] = []) => Number((await database.owner.query(sql, params)).rows[0].count);
  const intake = (overrides: object = {}) => ({
    legalFirstName: 'Rowan',
    legalLastName: 'Whitfield',
    preferredName: 'Ro',
    pronouns: 'they/them',
    dateOfBirth: '1991-06-30',
    phone: '+1 (555) 010-2233',
    email: 'rowan.whitfield@example.test',
    preferredContactMethod: 'text',
    okToText: true,
    recoveryPathways: ['smart_recovery', 'mat'],
    primarySubstances: ['opioids'],
    referralSource: 'County drug court',
    emergencyContactName: 'Sam Whitfield',
    emergencyContactPhone: '555-010-9988',
    emergencyContactRelationship: 'Sibling',
    intakeNotes: 'Prefers afternoon check-ins.',
    ...overrides,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
    const teamA = await createTestTeam(database.owner, programId);
    const teamB = await createTestTeam(database.owner, programId);
    const user = async (name: string, role: Role, teamId?: string, pid = programId) => {
      const created = await createTestUser(database.owner, config.secrets.encryptionKey, { programId: pid, role, teamId });
      ids[name] = created.id;
      as[name] = await signIn(app, created);
    };
    await user('specialistA', 'specialist', teamA);
    await user('teammateA', 'specialist', teamA);
    await user('specialistB', 'specialist', teamB);
    await user('supervisorA', 'supervisor', teamA);
    await user('admin', 'admin');
    await user('clinician', 'clinician');
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [teamA, ids['supervisorA']]);
    ids['existing'] = await createTestParticipant(database.owner, programId, { assignTo: ids['specialistB'], firstName: 'Danielle', lastName: 'Ortiz', dateOfBirth: '1995-07-02' });
    await database.owner.query(`UPDATE participants SET preferred_name = 'Dani' WHERE id = $1`, [ids['existing']]);
    ids['unassigned'] = await createTestParticipant(database.owner, programId, { lastName: 'Nobody-Carries' });
    const otherProgram = await createTestProgram(database.owner);
    ids['foreignParticipant'] = await createTestParticipant(database.owner, otherProgram, { firstName: 'Danielle', lastName: 'Ortiz', dateOfBirth: '1995-07-02' });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  describe('intake', () => {
    it('creates a referred, Part 2 protected participant assigned to the specialist, with its history and audit rows', async () => {
      const created = await send('specialistA', 'post', '/participants', intake()).expect(201);
      ids['rowan'] = created.body.id;
      expect(created.body).toMatchObject({
        legalFirstName: 'Rowan',
        preferredName: 'Ro',
        dateOfBirth: '1991-06-30',
        status: 'referred',
        part2Protected: true,
        version: 1,
        recoveryPathways: ['smart_recovery', 'mat'],
        emergencyContactRelationship: 'Sibling',
        intakeNotes: 'Prefers afternoon check-ins.',
      });
      await get('specialistA', `/participants/${ids['rowan']}`).expect(200);
      const assignments = await get('specialistA', `/participants/${ids['rowan']}/assignments`).expect(200);
      expect(assignments.body.items).toEqual([expect.objectContaining({ specialistId: ids['specialistA'], kind: 'primary', startsOn: today, endsOn: null, current: true })]);
      const history = await get('specialistA', `/participants/${ids['rowan']}/status-history`).expect(200);
      expect(history.body.items).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'referred', effectiveOn: today })]);
      const audit = await database.owner.query(`SELECT action, outcome, resource_id FROM audit_events WHERE participant_id = $1 AND action = 'participant.create'`, [ids['rowan']]);
      expect(audit.rows).toEqual([{ action: 'participant.create', outcome: 'success', resource_id: ids['rowan'] }]);
    });

    it('refuses bad input with field errors and writes nothing', async () => {
      const before = await count(`SELECT count(*) FROM participants`);
      const response = await send(
        'specialistA',
        'post',
        '/participants',
        intake({ legalFirstName: '', dateOfBirth: '1991-02-30', recoveryPathways: ['astrology'], phone: 'call me', email: 'nope', status: 'active' }),
      ).expect(400);
      expect(Object.keys(response.body.errors).sort()).toEqual(['dateOfBirth', 'email', 'legalFirstName', 'phone', 'recoveryPathways', 'status']);
      expect(await count(`SELECT count(*) FROM participants`)).toBe(before);
    });

    it('warns about a possible duplicate (same birthday, similar name) with what intake may see, then lets the user continue', async () => {
      const before = await count(`SELECT count(*) FROM participants`);
      const body = intake({ legalFirstName: 'Dani', legalLastName: 'Ortíz', preferredName: null, dateOfBirth: '1995-07-02' });
      const identity = { legalFirstName: 'Dani', legalLastName: 'Ortíz', dateOfBirth: '1995-07-02' };
      const check = await send('specialistA', 'post', '/participants/duplicate-check', identity).expect(200);
      // Another team's participant: only that a match exists and whom to contact.
      const outside = { inYourCaseload: false, careTeamContact: { specialistName: 'Test specialist', supervisorName: null } };
      expect(check.body.candidates).toEqual([outside]);

      const refused = await send('specialistA', 'post', '/participants', body).expect(409);
      expect(refused.body).toMatchObject({ type: '/problems/possible-duplicate', status: 409, candidates: [outside] });
      expect(refused.body.candidates).toHaveLength(1); // never the other program's Danielle Ortiz
      expect(await count(`SELECT count(*) FROM participants`)).toBe(before);

      await send('specialistA', 'post', '/participants', { ...body, confirmedNotDuplicate: true }).expect(201);
      expect(await count(`SELECT count(*) FROM participants`)).toBe(before + 1);
    });

    it('shows a match outside the caller’s care team as a contact only, in-scope matches in full, and audits every check', async () => {
      const teamB = (await database.owner.query(`SELECT team_id FROM users WHERE id = $1`, [ids['specialistB']])).rows[0].team_id;
      const supervisorB = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'supervisor', teamId: teamB });
      await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [teamB, supervisorB.id]);
      await database.owner.query(`UPDATE users SET display_name = 'Bea Ramirez' WHERE id = $1`, [ids['specialistB']]);
      await database.owner.query(`UPDATE users SET display_name = 'Cal Okafor' WHERE id = $1`, [supervisorB.id]);
      const identity = { legalFirstName: 'Danielle', legalLastName: 'Ortiz', dateOfBirth: '1995-07-02' };

      // (Specialist A's own "Dani Ortíz", taken in above, is also a match, and theirs to see.)
      const outsideOnly = (candidates: { inYourCaseload: boolean }[]) => candidates.filter((candidate) => !candidate.inYourCaseload);
      const outside = await send('specialistA', 'post', '/participants/duplicate-check', identity).expect(200);
      expect(outsideOnly(outside.body.candidates)).toEqual([{ inYourCaseload: false, careTeamContact: { specialistName: 'Bea Ramirez', supervisorName: 'Cal Okafor' } }]);
      expect(JSON.stringify(outsideOnly(outside.body.candidates))).not.toMatch(/1995|Dani|Ortiz|referred/);
      expect(JSON.stringify(outside.body)).not.toContain(ids['existing']);
      const refused = await send('specialistA', 'post', '/participants', intake(identity)).expect(409);
      expect(outsideOnly(refused.body.candidates)).toEqual(outsideOnly(outside.body.candidates));
      expect(JSON.stringify(refused.body)).not.toContain(ids['existing']);

      // The participant's own specialist sees enough to recognise them and open the record.
      const inside = await send('specialistB', 'post', '/participants/duplicate-check', identity).expect(200);
      expect(inside.body.candidates).toContainEqual({ inYourCaseload: true, id: ids['existing'], displayName: 'Dani O.', dateOfBirth: '1995-07-02', status: 'referred' });
      expect(inside.body.candidates).toContainEqual({ inYourCaseload: false, careTeamContact: { specialistName: 'Test specialist', supervisorName: 'Test supervisor' } });

      // Each check is on the record against the matched participant, in scope or not.
      const audit = await database.owner.query(
        `SELECT actor_id, outcome FROM audit_events WHERE action = 'participant.duplicate-check' AND participant_id = $1 ORDER BY id`,
        [ids['existing']],
      );
      expect(audit.rows).toEqual(
        expect.arrayContaining([
          { actor_id: ids['specialistA'], outcome: 'success' },
          { actor_id: ids['specialistB'], outcome: 'success' },
        ]),
      );
    });

    it('finds nobody for another birthday or another name', async () => {
      for (const other of [{ dateOfBirth: '1995-07-03' }, { legalFirstName: 'Marcus', legalLastName: 'Bell' }]) {
        const check = await send('specialistA', 'post', '/participants/duplicate-check', { legalFirstName: 'Danielle', legalLastName: 'Ortiz', dateOfBirth: '1995-07-02', ...other }).expect(200);
        expect(check.body.candidates).toEqual([]);
      }
    });

    it('has a supervisor name a primary specialist from their own team', async () => {
      const body = intake({ legalFirstName: 'Imani', legalLastName: 'Okafor', dateOfBirth: '1987-01-09' });
      await send('supervisorA', 'post', '/participants', body).expect(400); // no primary specialist
      await send('supervisorA', 'post', '/participants', { ...body, primarySpecialistId: ids['specialistB'] }).expect(400); // another team's
      const created = await send('supervisorA', 'post', '/participants', { ...body, primarySpecialistId: ids['teammateA'] }).expect(201);
      await get('teammateA', `/participants/${created.body.id}`).expect(200);
      await get('specialistA', `/participants/${created.body.id}`).expect(404);
    });

    it('does not let a specialist do intake for someone else, nor admins and clinicians at all', async () => {
      await send('specialistA', 'post', '/participants', intake({ legalLastName: 'Else', primarySpecialistId: ids['teammateA'] })).expect(400);
      await send('admin', 'post', '/participants', intake({ legalLastName: 'Admin' })).expect(403);
      await send('clinician', 'post', '/participants', intake({ legalLastName: 'Clinic' })).expect(403);
    });
  });

  describe('edits', () => {
    it('updates what is sent, bumps the version, and answers a stale version with 409 and the current one', async () => {
      const updated = await send('specialistA', 'patch', `/participants/${ids['rowan']}`, { version: 1, phone: '555-010-7777', pronouns: null }).expect(200);
      expect(updated.body).toMatchObject({ phone: '555-010-7777', pronouns: null, preferredName: 'Ro', version: 2 });
      const stale = await send('specialistA', 'patch', `/participants/${ids['rowan']}`, { version: 1, phone: '555-010-0000' }).expect(409);
      expect(stale.body).toMatchObject({ status: 409, currentVersion: 2 });
      const [row] = (await database.owner.query(`SELECT phone FROM participants WHERE id = $1`, [ids['rowan']])).rows;
      expect(row.phone).toBe('555-010-7777');
    });

    it('refuses an empty change, unknown fields and another team’s participant', async () => {
      await send('specialistA', 'patch', `/participants/${ids['rowan']}`, { version: 2 }).expect(400);
      await send('specialistA', 'patch', `/participants/${ids['rowan']}`, { version: 2, status: 'active' }).expect(400);
      await send('specialistA', 'patch', `/participants/${ids['rowan']}`, { version: 2, part2Protected: false }).expect(400);
      await send('specialistA', 'patch', `/participants/${ids['existing']}`, { version: 1, phone: '555-010-1111' }).expect(404);
    });
  });

  describe('status lifecycle', () => {
    const change = (body: object) => send('specialistA', 'post', `/participants/${ids['rowan']}/status`, body);
    const version = async () => Number((await database.owner.query(`SELECT version FROM participants WHERE id = $1`, [ids['rowan']])).rows[0].version);

    it('moves referred → active (enrolled that day) → inactive → active → discharged (with reason) → re-enrolled', async () => {
      const active = await change({ status: 'active', effectiveOn: inDays(-2), version: await version() }).expect(200);
      expect(active.body).toMatchObject({ status: 'active', enrolledOn: inDays(-2) });
      await change({ status: 'inactive', version: await version() }).expect(200);
      await change({ status: 'active', version: await version() }).expect(200);
      await change({ status: 'discharged', version: await version() }).expect(400); // no reason
      const discharged = await change({ status: 'discharged', reason: 'Completed the program', version: await version() }).expect(200);
      expect(discharged.body).toMatchObject({ status: 'discharged', dischargedOn: today, dischargeReason: 'Completed the program', enrolledOn: inDays(-2) });
      const back = await change({ status: 'active', version: await version() }).expect(200);
      expect(back.body).toMatchObject({ status: 'active', enrolledOn: today, dischargedOn: null, dischargeReason: null });

      const history = await get('specialistA', `/participants/${ids['rowan']}/status-history`).expect(200);
      expect(history.body.items.map((item: { fromStatus: string; toStatus: string }) => `${item.fromStatus}→${item.toStatus}`).reverse()).toEqual([
        'null→referred',
        'referred→active',
        'active→inactive',
        'inactive→active',
        'active→discharged',
        'discharged→active',
      ]);
    });

    it('refuses a move the lifecycle does not have, a future date, and a stale version, changing nothing', async () => {
      const before = await version();
      const refused = await change({ status: 'referred', version: before }).expect(409);
      expect(refused.body.detail).toBe('An active participant can be made inactive or discharged, not referred.');
      await change({ status: 'inactive', effectiveOn: inDays(3), version: before }).expect(400);
      const stale = await change({ status: 'inactive', version: before - 1 }).expect(409);
      expect(stale.body.currentVersion).toBe(before);
      expect(await version()).toBe(before);
    });

    it('is 404 for another team’s participant', async () => {
      await send('specialistA', 'post', `/participants/${ids['existing']}/status`, { status: 'active', version: 1 }).expect(404);
      await get('specialistA', `/participants/${ids['existing']}/status-history`).expect(404);
    });
  });

  describe('care assignments', () => {
    it('lists who a supervisor may assign to: the active members of their team, with caseload sizes', async () => {
      const response = await get('supervisorA', '/care-team/specialists').expect(200);
      const names = response.body.items.map((item: { id: string }) => item.id).sort();
      expect(names).toEqual([ids['specialistA'], ids['teammateA'], ids['supervisorA']].sort());
      await get('specialistA', '/care-team/specialists').expect(403);
    });

    it('transfers on an effective date: the old assignment ends that day, the new one starts, history kept', async () => {
      const transfer = await send('supervisorA', 'post', `/participants/${ids['rowan']}/assignments`, { specialistId: ids['teammateA'], kind: 'primary', startsOn: inDays(7) }).expect(201);
      expect(transfer.body.items).toEqual([
        expect.objectContaining({ specialistId: ids['teammateA'], startsOn: inDays(7), endsOn: null, current: false }),
        expect.objectContaining({ specialistId: ids['specialistA'], startsOn: today, endsOn: inDays(7), current: true }),
      ]);
      // Until that day the participant stays with specialistA.
      await get('specialistA', `/participants/${ids['rowan']}`).expect(200);
      await get('teammateA', `/participants/${ids['rowan']}`).expect(404);
      // A second transfer before the scheduled one is refused; one after it is fine.
      await send('supervisorA', 'post', `/participants/${ids['rowan']}/assignments`, { specialistId: ids['specialistA'], kind: 'primary', startsOn: inDays(3) }).expect(409);
      const audit = await database.owner.query(`SELECT outcome FROM audit_events WHERE participant_id = $1 AND action = 'assignment.create' ORDER BY id`, [ids['rowan']]);
      expect(audit.rows.map((row) => row.outcome)).toEqual(['success', 'error']);
    });

    it('adds a secondary specialist and refuses the same person twice', async () => {
      await send('supervisorA', 'post', `/participants/${ids['rowan']}/assignments`, { specialistId: ids['supervisorA'], kind: 'secondary' }).expect(201);
      await send('supervisorA', 'post', `/participants/${ids['rowan']}/assignments`, { specialistId: ids['supervisorA'], kind: 'secondary' }).expect(409);
    });

    it('lets a supervisor pick up an unassigned participant for their team, not another team’s', async () => {
      await send('supervisorA', 'post', `/participants/${ids['existing']}/assignments`, { specialistId: ids['specialistA'], kind: 'primary' }).expect(404);
      await send('supervisorA', 'post', `/participants/${ids['unassigned']}/assignments`, { specialistId: ids['specialistA'], kind: 'primary' }).expect(201);
      await get('specialistA', `/participants/${ids['unassigned']}`).expect(200);
    });

    it('lets an admin assign anyone in the program without reading the record; nothing across programs', async () => {
      // Same day as the current assignment began: that one is closed the day it started.
      const moved = await send('admin', 'post', `/participants/${ids['existing']}/assignments`, { specialistId: ids['teammateA'], kind: 'primary' }).expect(201);
      expect(Object.keys(moved.body.items[0]).sort()).toEqual(['current', 'endsOn', 'id', 'kind', 'specialistId', 'specialistName', 'startsOn']);
      expect(moved.body.items.filter((item: { current: boolean }) => item.current)).toEqual([expect.objectContaining({ specialistId: ids['teammateA'] })]);
      await get('specialistB', `/participants/${ids['existing']}`).expect(404);
      await get('admin', `/participants/${ids['existing']}`).expect(403);
      await send('admin', 'post', `/participants/${ids['foreignParticipant']}/assignments`, { specialistId: ids['teammateA'], kind: 'primary' }).expect(404);
    });

    it('refuses past dates, unknown kinds and specialists outside the program', async () => {
      const path = `/participants/${ids['unassigned']}/assignments`;
      await send('supervisorA', 'post', path, { specialistId: ids['teammateA'], kind: 'primary', startsOn: inDays(-1) }).expect(400);
      await send('supervisorA', 'post', path, { specialistId: ids['teammateA'], kind: 'tertiary' }).expect(400);
      await send('supervisorA', 'post', path, { specialistId: ids['clinician'], kind: 'secondary' }).expect(400);
      await app.get(AuditWriter).flush();
    });
  });
});
