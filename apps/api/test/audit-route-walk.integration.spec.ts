import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuditWriter } from '@waypoint/api-audit';
import { routeInventory, type RouteDeclaration } from '@waypoint/api-auth';
import type { AppConfig } from '@waypoint/api-config';
import {
  createTestDatabase,
  createTestGoal,
  createTestNote,
  createTestParticipant,
  createTestProgram,
  createTestTeam,
  createTestUser,
  testConfig,
  type TestDatabase,
} from '@waypoint/api-testing';
import type { Permission, Role } from '@waypoint/shared-contracts';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

/** Permissions that reach participant data (or the trail about it). */
const CLINICAL: readonly Permission[] = [
  'participants:read',
  'participants:write',
  'participants:assign',
  'caseload:team',
  'notes:cosign',
  'referrals:receive',
  'break-glass:request',
  'break-glass:review',
  'audit:read',
];

interface Call {
  /** Replaces `:id` in the path. */
  id?: string;
  query?: string;
  body?: object;
}

interface RouteCases {
  as: Role;
  success: Call;
  /** Another team's or a missing object: refused with 404 and recorded as denied. */
  denied?: Call;
  /** Bad input: 400, recorded as error. */
  invalid?: Call;
}

/**
 * Walks every route that touches participant data and proves it writes the right audit events:
 * on success, on denial (another team's object → 404) and on validation failure. A new route
 * with a clinical permission fails here until it is `@Audited` and has cases below.
 */
describe('audit route walk', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  const sessions: Partial<Record<Role, Awaited<ReturnType<typeof signIn>>>> = {};
  const ids: Record<string, string> = {};
  const missing = '00000000-0000-4000-8000-000000000000';
  const reason = 'Route walk: a reason long enough to pass.';

  function casesFor(route: RouteDeclaration): RouteCases | undefined {
    const table: Record<string, RouteCases> = {
      'GET /participants': { as: 'specialist', success: {}, invalid: { query: '?limit=0' } },
      'GET /participants/:id': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
      'POST /participants/duplicate-check': {
        as: 'specialist',
        success: { body: { legalFirstName: 'Walk', legalLastName: 'Check', dateOfBirth: '1990-02-02' } },
        invalid: { body: { legalFirstName: 'Walk' } },
      },
      'POST /participants': {
        as: 'specialist',
        success: { body: { legalFirstName: 'Walk', legalLastName: `Created-${randomUUID().slice(0, 6)}`, dateOfBirth: '1990-02-02' } },
        invalid: { body: { legalFirstName: '', legalLastName: 'Created', dateOfBirth: '1990-02-02' } },
      },
      'PATCH /participants/:id': {
        as: 'specialist',
        success: { id: ids['patchMe'], body: { version: 1, phone: '555-0101' } },
        denied: { id: ids['otherTeam'], body: { version: 1, phone: '555-0101' } },
        invalid: { id: ids['own'], body: { version: 0 } },
      },
      'POST /participants/:id/status': {
        as: 'specialist',
        success: { id: ids['statusMe'], body: { status: 'active', version: 1 } },
        denied: { id: ids['otherTeam'], body: { status: 'active', version: 1 } },
        invalid: { id: ids['own'], body: { status: 'gone', version: 1 } },
      },
      'GET /participants/:id/status-history': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
      'GET /participants/:id/assignments': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
      'POST /participants/:id/assignments': {
        as: 'supervisor',
        success: { id: ids['own'], body: { specialistId: ids['supervisorUser'], kind: 'secondary' } },
        denied: { id: ids['otherTeam'], body: { specialistId: ids['supervisorUser'], kind: 'secondary' } },
        invalid: { id: ids['own'], body: { specialistId: 'nobody', kind: 'primary' } },
      },
      'GET /participants/:id/assessments': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
      'POST /participants/:id/assessments': {
        as: 'specialist',
        success: { id: ids['own'], body: { answers: [4, 4, 5, 3, 5, 4, 5, 6, 4, 5] } },
        denied: { id: ids['otherTeam'], body: { answers: [4, 4, 5, 3, 5, 4, 5, 6, 4, 5] } },
        invalid: { id: ids['own'], body: { answers: [4, 4, 5] } },
      },
      'GET /care-team/specialists': { as: 'supervisor', success: {} },
      'GET /participants/:id/notes': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
      'POST /participants/:id/notes': {
        as: 'specialist',
        success: { id: ids['own'], body: { startedAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 30, contactType: 'individual', modality: 'phone' } },
        denied: { id: ids['otherTeam'], body: { startedAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 30, contactType: 'individual', modality: 'phone' } },
        invalid: { id: ids['own'], body: { startedAt: 'yesterday', durationMinutes: 30, contactType: 'individual', modality: 'phone' } },
      },
      'GET /notes/cosign-queue': { as: 'supervisor', success: {}, invalid: { query: '?limit=0' } },
      'POST /notes/cosign': {
        as: 'supervisor',
        success: { body: { notes: [{ id: ids['bulkNote'], version: 1 }] } },
        invalid: { body: { notes: [] } },
      },
      'GET /notes/mine': { as: 'specialist', success: {} },
      'POST /group-sessions': {
        as: 'specialist',
        success: { body: { topic: 'Walk group', startedAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 60, modality: 'in_person', intervention: 'Walk', attendees: [{ participantId: ids['own'] }] } },
        invalid: { body: { topic: 'Walk group', attendees: [] } },
      },
      'GET /group-sessions/:id': { as: 'specialist', success: { id: ids['group'] }, denied: { id: ids['otherGroup'] }, invalid: { id: 'not-a-uuid' } },
      'GET /notes/:id': { as: 'specialist', success: { id: ids['note'] }, denied: { id: ids['otherNote'] }, invalid: { id: 'not-a-uuid' } },
      'PATCH /notes/:id': {
        as: 'specialist',
        success: { id: ids['note'], body: { location: 'Walk', version: 1 } },
        denied: { id: ids['otherNote'], body: { location: 'Walk', version: 1 } },
        invalid: { id: ids['note'], body: { version: 0 } },
      },
      'POST /notes/:id/submit': {
        as: 'specialist',
        success: { id: ids['submitNote'], body: { version: 1 } },
        denied: { id: ids['otherNote'], body: { version: 1 } },
        invalid: { id: ids['submitNote'], body: { version: 0 } },
      },
      'POST /notes/:id/sign': {
        as: 'specialist',
        success: { id: ids['signNote'], body: { version: 1 } },
        denied: { id: ids['otherNote'], body: { version: 1 } },
        invalid: { id: ids['signNote'], body: {} },
      },
      'POST /notes/:id/cosign': {
        as: 'supervisor',
        success: { id: ids['signedNote'], body: { version: 1 } },
        denied: { id: ids['otherNote'], body: { version: 1 } },
        invalid: { id: ids['signedNote'], body: { version: 'one' } },
      },
      'POST /notes/:id/return': {
        as: 'supervisor',
        success: { id: ids['submittedNote'], body: { comment: 'Walk: say what the plan is', version: 1 } },
        denied: { id: ids['otherNote'], body: { comment: 'Walk: say what the plan is', version: 1 } },
        invalid: { id: ids['submittedNote'], body: { comment: '', version: 1 } },
      },
      'POST /notes/:id/addenda': {
        as: 'specialist',
        success: { id: ids['amendNote'], body: { reason: 'Walk correction', body: 'The meeting was on Tuesday.' } },
        denied: { id: ids['otherNote'], body: { reason: 'Walk correction', body: 'The meeting was on Tuesday.' } },
        invalid: { id: ids['amendNote'], body: { reason: '', body: 'x' } },
      },
      'GET /participants/:id/timeline': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
      'GET /participants/:id/safety-events': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
      'POST /participants/:id/safety-events': {
        as: 'specialist',
        success: { id: ids['own'], body: { kind: 'crisis', description: 'Walk: a hard night, talked it through.' } },
        denied: { id: ids['otherTeam'], body: { kind: 'crisis', description: 'Walk' } },
        invalid: { id: ids['own'], body: { kind: 'relapse', description: 'x' } },
      },
      'POST /participants/:id/risk-flag': {
        as: 'specialist',
        success: { id: ids['flagMe'], body: { highRisk: true, reason: 'Walk: recent relapse', version: 1 } },
        denied: { id: ids['otherTeam'], body: { highRisk: true, reason: 'Walk: recent relapse', version: 1 } },
        invalid: { id: ids['own'], body: { highRisk: 'yes', version: 1 } },
      },
      'GET /tasks': { as: 'specialist', success: {}, invalid: { query: '?limit=0' } },
      'GET /participants/:id/tasks': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
      'POST /participants/:id/tasks': {
        as: 'specialist',
        success: { id: ids['own'], body: { title: 'Walk: call back', dueOn: '2030-01-01' } },
        denied: { id: ids['otherTeam'], body: { title: 'Walk: call back', dueOn: '2030-01-01' } },
        invalid: { id: ids['own'], body: { title: '', dueOn: '2030-01-01' } },
      },
      'PATCH /tasks/:id': {
        as: 'specialist',
        success: { id: ids['task'], body: { done: true, version: 1 } },
        denied: { id: ids['otherTask'], body: { done: true, version: 1 } },
        invalid: { id: ids['task'], body: { done: 'yes', version: 1 } },
      },
      'GET /participants/:id/plan': { as: 'specialist', success: { id: ids['own'] }, denied: { id: ids['otherTeam'] }, invalid: { id: 'not-a-uuid' } },
      'POST /participants/:id/goals': {
        as: 'specialist',
        success: { id: ids['own'], body: { dimension: 'health', statement: 'Walk every morning' } },
        denied: { id: ids['otherTeam'], body: { dimension: 'health', statement: 'Walk every morning' } },
        invalid: { id: ids['own'], body: { dimension: 'money', statement: 'x' } },
      },
      'PATCH /goals/:id': {
        as: 'specialist',
        success: { id: ids['goal'], body: { statement: 'Walked', version: 1 } },
        denied: { id: ids['otherGoal'], body: { statement: 'Walked', version: 1 } },
        invalid: { id: ids['goal'], body: { version: 0 } },
      },
      'POST /goals/:id/status': {
        as: 'specialist',
        success: { id: ids['statusGoal'], body: { status: 'achieved', version: 1 } },
        denied: { id: ids['otherGoal'], body: { status: 'achieved', version: 1 } },
        invalid: { id: ids['goal'], body: { status: 'done', version: 1 } },
      },
      'POST /goals/:id/steps': {
        as: 'specialist',
        success: { id: ids['goal'], body: { description: 'One more step' } },
        denied: { id: ids['otherGoal'], body: { description: 'One more step' } },
        invalid: { id: ids['goal'], body: { description: '' } },
      },
      'POST /goals/:id/steps/order': {
        as: 'specialist',
        success: { id: ids['orderGoal'], body: { stepIds: [ids['orderStep2'], ids['orderStep1']] } },
        denied: { id: ids['otherGoal'], body: { stepIds: [ids['otherStep']] } },
        invalid: { id: ids['orderGoal'], body: { stepIds: ['x'] } },
      },
      'PATCH /goal-steps/:id': {
        as: 'specialist',
        success: { id: ids['goalStep'], body: { done: true, version: 1 } },
        denied: { id: ids['otherStep'], body: { done: true, version: 1 } },
        invalid: { id: ids['goalStep'], body: { done: 'yes', version: 1 } },
      },
      'POST /goals/:id/progress': {
        as: 'specialist',
        success: { id: ids['goal'], body: { rating: 5 } },
        denied: { id: ids['otherGoal'], body: { rating: 5 } },
        invalid: { id: ids['goal'], body: { rating: 11 } },
      },
      'GET /participants/:id/access-history': {
        as: 'supervisor',
        success: { id: ids['own'] },
        denied: { id: ids['otherTeam'] },
        invalid: { id: 'not-a-uuid' },
      },
      'POST /break-glass': {
        as: 'supervisor',
        success: { body: { participantId: ids['emergency'], reason } },
        denied: { body: { participantId: missing, reason } },
        invalid: { body: { participantId: ids['emergency'], reason: 'short' } },
      },
      'GET /break-glass/active': { as: 'supervisor', success: {} },
      'GET /break-glass/participants/:id': {
        as: 'supervisor',
        success: { id: ids['granted'] },
        denied: { id: ids['otherTeam'] },
        invalid: { id: 'not-a-uuid' },
      },
      'GET /break-glass/grants': { as: 'supervisor', success: {}, invalid: { query: '?limit=0' } },
      'POST /break-glass/grants/:id/acknowledge': { as: 'admin', success: { id: ids['pendingGrant'], body: {} }, denied: { id: missing, body: {} }, invalid: { id: 'not-a-uuid', body: {} } },
      'GET /audit/events': { as: 'admin', success: {}, invalid: { query: '?outcome=maybe' } },
      'GET /audit/team-events': { as: 'supervisor', success: {}, invalid: { query: '?limit=0' } },
      'GET /audit/events.csv': { as: 'admin', success: {}, invalid: { query: '?from=yesterday' } },
      'POST /audit/verify': { as: 'admin', success: { body: {} }, invalid: { body: { full: 'yes' } } },
    };
    return table[`${route.method} ${route.path}`];
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    const owner = database.owner;
    const key = config.secrets.encryptionKey;
    const programId = await createTestProgram(owner);
    const team = await createTestTeam(owner, programId);
    const otherTeam = await createTestTeam(owner, programId);
    const users: Record<string, string> = {};
    for (const role of ['specialist', 'supervisor', 'admin'] as const) {
      const user = await createTestUser(owner, key, { programId, role, teamId: role === 'admin' ? undefined : team });
      users[role] = user.id;
      sessions[role] = await signIn(app, user);
    }
    await owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [team, users['supervisor']]);
    const otherSpecialist = await createTestUser(owner, key, { programId, role: 'specialist', teamId: otherTeam });
    ids['own'] = await createTestParticipant(owner, programId, { assignTo: users['specialist'] });
    ids['patchMe'] = await createTestParticipant(owner, programId, { assignTo: users['specialist'] });
    ids['statusMe'] = await createTestParticipant(owner, programId, { assignTo: users['specialist'] });
    ids['supervisorUser'] = users['supervisor'];
    ids['specialistUser'] = users['specialist'];
    ids['flagMe'] = await createTestParticipant(owner, programId, { assignTo: users['specialist'] });
    const task = (participantId: string, ownerId: string) =>
      owner
        .query(`INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on) VALUES ($1, $2, $3, 'Walk task', current_date) RETURNING id`, [
          programId,
          participantId,
          ownerId,
        ])
        .then((result) => result.rows[0].id as string);
    ids['task'] = await task(ids['own'], users['specialist']);
    const goal = await createTestGoal(owner, programId, ids['own']);
    [ids['goal'], ids['goalStep']] = [goal.goalId, goal.stepIds[0]];
    ids['statusGoal'] = (await createTestGoal(owner, programId, ids['own'])).goalId;
    const ordered = await createTestGoal(owner, programId, ids['own']);
    [ids['orderGoal'], ids['orderStep1'], ids['orderStep2']] = [ordered.goalId, ...ordered.stepIds];
    ids['otherTeam'] = await createTestParticipant(owner, programId, { assignTo: otherSpecialist.id });
    const othersGoal = await createTestGoal(owner, programId, ids['otherTeam']);
    [ids['otherGoal'], ids['otherStep']] = [othersGoal.goalId, othersGoal.stepIds[0]];
    ids['otherTask'] = (
      await owner.query(`INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on) VALUES ($1, $2, $3, 'Walk task', current_date) RETURNING id`, [
        programId,
        ids['otherTeam'],
        otherSpecialist.id,
      ])
    ).rows[0].id;
    for (const [name, status] of [['note', 'draft'], ['submitNote', 'draft'], ['signNote', 'draft'], ['submittedNote', 'submitted'], ['signedNote', 'signed'], ['amendNote', 'signed'], ['bulkNote', 'signed']] as const) {
      ids[name] = await createTestNote(owner, programId, ids['own'], users['specialist'], status);
    }
    ids['otherNote'] = await createTestNote(owner, programId, ids['otherTeam'], otherSpecialist.id);
    const groupOf = async (facilitator: string, noteId: string) => {
      const { rows } = await owner.query(
        `INSERT INTO group_sessions (program_id, facilitator_id, topic, started_at, ended_at) VALUES ($1, $2, 'Walk group', now() - interval '2 hours', now() - interval '1 hour') RETURNING id`,
        [programId, facilitator],
      );
      await owner.query(`UPDATE session_notes SET group_session_id = $1 WHERE id = $2`, [rows[0].id, noteId]);
      return rows[0].id as string;
    };
    ids['group'] = await groupOf(users['specialist'], await createTestNote(owner, programId, ids['own'], users['specialist']));
    ids['otherGroup'] = await groupOf(otherSpecialist.id, await createTestNote(owner, programId, ids['otherTeam'], otherSpecialist.id));
    ids['emergency'] = await createTestParticipant(owner, programId, { assignTo: otherSpecialist.id });
    ids['granted'] = await createTestParticipant(owner, programId, { assignTo: otherSpecialist.id });
    const grant = async (userId: string, participantId: string) =>
      (
        await owner.query(
          `INSERT INTO break_glass_grants (program_id, user_id, participant_id, reason, expires_at)
           VALUES ($1, $2, $3, 'Route walk fixture grant', now() + interval '1 hour') RETURNING id`,
          [programId, userId, participantId],
        )
      ).rows[0].id as string;
    await grant(users['supervisor'], ids['granted']);
    ids['pendingGrant'] = await grant(otherSpecialist.id, ids['otherTeam']);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const clinicalRoutes = () =>
    routeInventory(app).filter((route) => !route.isPublic && CLINICAL.includes(route.permission as Permission));

  async function call(route: RouteDeclaration, as: Role, input: Call) {
    const session = sessions[as];
    if (!session) throw new Error(`no session for ${as}`);
    const requestId = `walk-${randomUUID()}`;
    const path = `/api/v1${route.path.replace(':id', input.id ?? '')}${input.query ?? ''}`;
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch';
    let pending = session.agent[method](path).set('X-Request-Id', requestId);
    if (method !== 'get') pending = pending.set('X-CSRF-Token', session.csrf).send(input.body ?? {});
    const response = await pending;
    await app.get(AuditWriter).flush(); // plain reads are recorded in batches
    const { rows } = await database.owner.query(
      `SELECT action, outcome, participant_id AS "participantId", actor_role AS "actorRole" FROM audit_events WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );
    return { status: response.status, rows: rows as { action: string; outcome: string; participantId: string | null; actorRole: string }[] };
  }

  it('finds the participant-data routes, each audited and each with cases', () => {
    const routes = clinicalRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect(routes.filter((route) => !route.audited).map((route) => `${route.method} ${route.path}`)).toEqual([]);
    expect(routes.filter((route) => !casesFor(route)).map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it('writes success, denied and error events for every participant-data route', async () => {
    const wrong: string[] = [];
    for (const route of clinicalRoutes()) {
      const cases = casesFor(route);
      const action = route.audited?.action;
      if (!cases || !action) continue;
      const label = `${route.method} ${route.path}`;
      const check = async (which: string, input: Call, statusOk: (status: number) => boolean, outcome: string, participant?: string) => {
        const { status, rows } = await call(route, cases.as, input);
        const mine = rows.filter((row) => row.action === action);
        if (!statusOk(status)) wrong.push(`${label} (${which}): status ${status}`);
        if (mine.length === 0 || mine.some((row) => row.outcome !== outcome || row.actorRole !== cases.as)) {
          wrong.push(`${label} (${which}): expected ${action}:${outcome} rows, got ${JSON.stringify(rows)}`);
        }
        if (participant && !mine.some((row) => row.participantId === participant)) wrong.push(`${label} (${which}): no row names participant ${participant}`);
      };
      await check('success', cases.success, (s) => s >= 200 && s < 300, 'success', route.audited?.participantParam ? cases.success.id : undefined);
      if (cases.denied) await check('denied', cases.denied, (s) => s === 404, 'denied', route.audited?.participantParam ? cases.denied.id : undefined);
      if (cases.invalid) await check('invalid', cases.invalid, (s) => s === 400, 'error');
    }
    expect(wrong).toEqual([]);
  });

  it('records a batched read within milliseconds even when nobody asks for a flush', async () => {
    const session = sessions['specialist'];
    if (!session) throw new Error('no specialist');
    const requestId = `walk-${randomUUID()}`;
    await session.agent.get(`/api/v1/participants/${ids['own']}`).set('X-Request-Id', requestId).expect(200);
    let rows: unknown[] = [];
    for (let attempt = 0; attempt < 50 && rows.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      rows = (await database.owner.query(`SELECT 1 FROM audit_events WHERE request_id = $1`, [requestId])).rows;
    }
    expect(rows).toHaveLength(1);
  });

  it('names each participant a list returned, one row each, in one request', async () => {
    const { rows } = await call({ method: 'GET', path: '/participants' } as RouteDeclaration, 'supervisor', {});
    // The team's caseload: the fixtures and whoever the walk's intake created.
    const caseload = await database.owner.query(`SELECT participant_id FROM care_assignments WHERE specialist_id = $1 AND ends_on IS NULL`, [ids['specialistUser']]);
    expect(caseload.rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.map((row) => row.participantId).sort()).toEqual(caseload.rows.map((row) => row.participant_id).sort());
  });

  it('commits a change with its audit row, and leaves no change when the audit row cannot be written', async () => {
    await database.owner.query(`REVOKE INSERT ON audit_events FROM waypoint_app`);
    try {
      const route = { method: 'POST', path: '/break-glass' } as RouteDeclaration;
      const before = (await database.owner.query(`SELECT count(*)::int AS n FROM break_glass_grants`)).rows[0].n;
      const { status } = await call(route, 'supervisor', { body: { participantId: ids['otherTeam'], reason } });
      expect(status).toBe(500);
      expect((await database.owner.query(`SELECT count(*)::int AS n FROM break_glass_grants`)).rows[0].n).toBe(before);
    } finally {
      await database.owner.query(`GRANT INSERT ON audit_events TO waypoint_app`);
    }
  });
});
