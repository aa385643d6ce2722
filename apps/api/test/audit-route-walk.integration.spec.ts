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
import { type Call, type RouteCases, routeWalkCases } from './audit-route-walk.cases';
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
    return routeWalkCases(ids, { missing, reason })[`${route.method} ${route.path}`];
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

  it('declares every route either audited or not audited, with a reason', () => {
    const routes = routeInventory(app);
    const undeclared = routes.filter((route) => !route.audited === !route.notAudited);
    expect(undeclared.map((route) => `${route.method} ${route.path}`)).toEqual([]);
    const unexplained = routes.filter((route) => route.notAudited !== undefined && route.notAudited.trim().length < 20);
    expect(unexplained.map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it('writes no row when the caller checks their own emergency access and holds none', async () => {
    const { status, rows } = await call({ method: 'GET', path: '/break-glass/active' } as RouteDeclaration, 'admin', {});
    expect(status).toBe(200);
    expect(rows).toEqual([]);
    // A grant's banner names its participant: that is a read, and it is recorded.
    const granted = await call({ method: 'GET', path: '/break-glass/active' } as RouteDeclaration, 'supervisor', {});
    expect(granted.rows).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'break-glass.list-active', outcome: 'success', participantId: ids['granted'] })]));
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

  it('records a batched read soon after the response even when nobody asks for a flush', async () => {
    const session = sessions['specialist'];
    if (!session) throw new Error('no specialist');
    const requestId = `walk-${randomUUID()}`;
    await session.agent.get(`/api/v1/participants/${ids['own']}`).set('X-Request-Id', requestId).expect(200);
    let rows: unknown[] = [];
    // Usually within a few milliseconds; the deadline is generous for a busy CI machine, where
    // the batch's commit waits its turn for the chain's head lock behind other files' writes.
    const deadline = Date.now() + 5000;
    while (rows.length === 0 && Date.now() < deadline) {
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
    // Both ways the writer appends (a change's rows by INSERT, read batches by audit_append).
    const grants = {
      on: `INSERT (program_id, actor_id, actor_role, action, resource_type, resource_id, participant_id, outcome, request_id, ip, user_agent, reason) ON audit_events`,
      fn: `EXECUTE ON FUNCTION audit_append(uuid[], uuid[], text[], text[], text[], text[], uuid[], text[], text[], text[], text[], text[])`,
    };
    await database.owner.query(`REVOKE ${grants.on} FROM waypoint_app; REVOKE ${grants.fn} FROM waypoint_app`);
    try {
      const route = { method: 'POST', path: '/break-glass' } as RouteDeclaration;
      const before = (await database.owner.query(`SELECT count(*)::int AS n FROM break_glass_grants`)).rows[0].n;
      const { status } = await call(route, 'supervisor', { body: { participantId: ids['otherTeam'], reason } });
      expect(status).toBe(500);
      expect((await database.owner.query(`SELECT count(*)::int AS n FROM break_glass_grants`)).rows[0].n).toBe(before);
    } finally {
      await database.owner.query(`GRANT ${grants.on} TO waypoint_app; GRANT ${grants.fn} TO waypoint_app`);
    }
  });
});
