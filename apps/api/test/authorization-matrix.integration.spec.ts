import type { NestExpressApplication } from '@nestjs/platform-express';
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
import { NoteTopics, type Permission, type Role, Roles, roleCan } from '@waypoint/shared-contracts';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

/**
 * Every registered route × every role × (own object, another team's or program's object, an id
 * that does not exist), generated from the routes themselves: a new route joins the matrix
 * without anyone listing it, and a new route with an id fails here until it says which objects
 * are "own" and "other" for it. Expected:
 * - without the route's permission: 403, whatever the object;
 * - with it: the own object is reached (2xx, or 409 when an earlier row of the matrix already
 *   changed it), another team's or program's object is 404, a missing id is 404: never a 403
 *   that would confirm the object exists.
 */
describe('authorization matrix', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let sessions: Record<string, Awaited<ReturnType<typeof signIn>>>;
  /** A second session of each role's user: the "own" object of the end-a-session route. */
  const secondSessions: Record<string, string> = {};
  const objects: Record<string, string> = {};
  const missingId = '00000000-0000-4000-8000-000000000000';
  /** Well-formed bodies, so a route reaches its lookup (a bad body is 400 before any lookup). */
  const sampleBodies: Record<string, object> = {
    'PATCH /users/:id': { version: 1 },
    'POST /users/:id/unlock': { version: 1 },
    'POST /break-glass': { participantId: missingId, reason: 'Matrix test: a reason long enough.' },
    'PATCH /participants/:id': { version: 1, phone: '555-0102' },
    'POST /participants/:id/status': { status: 'active', version: 1 },
    'POST /participants/:id/goals': { dimension: 'health', statement: 'Matrix goal' },
    'POST /participants/:id/safety-events': { kind: 'crisis', description: 'Matrix: a hard night' },
    'POST /participants/:id/risk-flag': { highRisk: false, version: 1 },
    'POST /participants/:id/tasks': { title: 'Matrix task', dueOn: '2030-01-01' },
    'PATCH /tasks/:id': { done: true, version: 1 },
    'PATCH /goals/:id': { statement: 'Matrix goal', version: 1 },
    'POST /goals/:id/status': { status: 'achieved', version: 1 },
    'POST /goals/:id/steps': { description: 'Matrix step' },
    'POST /goals/:id/progress': { rating: 5 },
    'PATCH /goal-steps/:id': { done: true, version: 1 },
    'POST /participants/:id/assessments': { answers: [4, 4, 5, 3, 5, 4, 5, 6, 4, 5] },
    'POST /participants/:id/notes': { startedAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 30, contactType: 'individual', modality: 'phone' },
    'PATCH /notes/:id': { location: 'Matrix', version: 1 },
    'POST /notes/cosign': { notes: [{ id: missingId, version: 1 }] },
    'POST /group-sessions': { topic: 'Matrix group', startedAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 60, modality: 'in_person', intervention: 'Matrix', attendees: [{ participantId: missingId }] },
    'POST /notes/:id/submit': { version: 1 },
    'POST /notes/:id/sign': { version: 1 },
    'POST /notes/:id/cosign': { version: 1 },
    'POST /notes/:id/return': { comment: 'Matrix: say what the plan is', version: 1 },
    'POST /notes/:id/addenda': { reason: 'Matrix correction', body: 'Matrix addendum' },
    'PUT /notes/settings': { defaultFormat: 'GIRP', topics: [...NoteTopics], version: 1 },
  };

  /** Which objects count as "own" and "other" for a route with an id; undefined = not declared. */
  function objectsFor(route: RouteDeclaration, role: Role): { own: string; other: string } | undefined {
    if (route.path.startsWith('/users/:id')) return { own: objects['spareUser'], other: objects['foreignUser'] };
    switch (route.path) {
      case '/api-tokens/:id/revoke':
        return { own: objects['token'], other: objects['foreignToken'] };
      case '/auth/sessions/:id':
        return { own: secondSessions[role], other: objects['spareUserSession'] };
      case '/participants/:id':
      case '/participants/:id/access-history':
      case '/participants/:id/status':
      case '/participants/:id/status-history':
      case '/participants/:id/safety-events':
      case '/participants/:id/timeline':
      case '/participants/:id/notes':
      case '/participants/:id/risk-flag':
      case '/participants/:id/tasks':
      case '/participants/:id/plan':
      case '/participants/:id/goals':
      case '/participants/:id/assessments':
        return { own: objects['ownParticipant'], other: objects['otherTeamParticipant'] };
      case '/goals/:id':
      case '/goals/:id/status':
      case '/goals/:id/steps':
      case '/goals/:id/progress':
        return { own: objects['ownGoal'], other: objects['otherGoal'] };
      case '/goals/:id/steps/order':
        return { own: objects['orderGoal'], other: objects['otherGoal'] };
      case '/tasks/:id':
        return { own: objects['ownTask'], other: objects['otherTask'] };
      // A note is written, submitted, signed and amended by its author: each role's own note.
      case '/notes/:id':
      case '/notes/:id/submit':
      case '/notes/:id/sign':
      case '/notes/:id/addenda':
        return { own: objects[`note-${role}`] ?? objects['note-specialist'], other: objects['otherNote'] };
      // Co-signing and returning are the supervisor's, on the specialist's notes.
      case '/group-sessions/:id':
        return { own: objects['group'], other: objects['otherGroup'] };
      case '/notes/:id/cosign':
        return { own: objects['signedNote'], other: objects['otherNote'] };
      case '/notes/:id/return':
        return { own: objects['submittedNote'], other: objects['otherNote'] };
      case '/notifications/:id/read':
        return { own: objects[`notification-${role}`], other: objects['spareNotification'] };
      case '/goal-steps/:id':
        return { own: objects['ownStep'], other: objects['otherStep'] };
      case '/participants/:id/assignments':
        // An admin assigns anyone in the program: "other" is another program's participant.
        return { own: objects['ownParticipant'], other: role === 'admin' ? objects['foreignParticipant'] : objects['otherTeamParticipant'] };
      case '/break-glass/participants/:id':
        return { own: objects['grantedParticipant'], other: objects['otherTeamParticipant'] };
      case '/break-glass/grants/:id/acknowledge':
        return { own: objects['pendingGrant'], other: objects['foreignGrant'] };
      default:
        return undefined;
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    const owner = database.owner;
    const key = config.secrets.encryptionKey;
    const programId = await createTestProgram(owner);
    const teamId = await createTestTeam(owner, programId);
    const otherTeamId = await createTestTeam(owner, programId);
    sessions = {};
    const users: Record<string, string> = {};
    for (const role of Roles) {
      const user = await createTestUser(owner, key, { programId, role, teamId: role === 'specialist' || role === 'supervisor' ? teamId : undefined });
      users[role] = user.id;
      sessions[role] = await signIn(app, user);
      const second = await signIn(app, user, 1);
      secondSessions[role] = (await second.agent.get('/api/v1/auth/me').expect(200)).body.session.id;
    }
    await owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [teamId, users['supervisor']]);
    const spare = await createTestUser(owner, key, { programId, role: 'specialist' });
    objects['spareUser'] = spare.id;
    objects['spareUserSession'] = (await (await signIn(app, spare)).agent.get('/api/v1/auth/me').expect(200)).body.session.id;
    const otherTeamSpecialist = await createTestUser(owner, key, { programId, role: 'specialist', teamId: otherTeamId });
    objects['ownParticipant'] = await createTestParticipant(owner, programId, { assignTo: users['specialist'] });
    objects['otherTeamParticipant'] = await createTestParticipant(owner, programId, { assignTo: otherTeamSpecialist.id });
    objects['ownGoal'] = (await createTestGoal(owner, programId, objects['ownParticipant'])).goalId;
    for (const role of ['specialist', 'supervisor'] as const) objects[`note-${role}`] = await createTestNote(owner, programId, objects['ownParticipant'], users[role]);
    objects['signedNote'] = await createTestNote(owner, programId, objects['ownParticipant'], users['specialist'], 'signed');
    objects['submittedNote'] = await createTestNote(owner, programId, objects['ownParticipant'], users['specialist'], 'submitted');
    objects['otherNote'] = await createTestNote(owner, programId, objects['otherTeamParticipant'], otherTeamSpecialist.id);
    const groupOf = async (facilitator: string, noteId: string) => {
      const { rows } = await owner.query(
        `INSERT INTO group_sessions (program_id, facilitator_id, topic, started_at, ended_at) VALUES ($1, $2, 'Matrix group', now() - interval '2 hours', now() - interval '1 hour') RETURNING id`,
        [programId, facilitator],
      );
      await owner.query(`UPDATE session_notes SET group_session_id = $1 WHERE id = $2`, [rows[0].id, noteId]);
      return rows[0].id as string;
    };
    objects['group'] = await groupOf(users['specialist'], objects['note-specialist']);
    objects['otherGroup'] = await groupOf(otherTeamSpecialist.id, objects['otherNote']);
    const ordered = await createTestGoal(owner, programId, objects['ownParticipant']);
    objects['orderGoal'] = ordered.goalId;
    sampleBodies['POST /goals/:id/steps/order'] = { stepIds: [...ordered.stepIds].reverse() };
    const others = await createTestGoal(owner, programId, objects['otherTeamParticipant']);
    [objects['otherGoal'], objects['otherStep']] = [others.goalId, others.stepIds[0]];
    objects['ownStep'] = (await createTestGoal(owner, programId, objects['ownParticipant'])).stepIds[0];
    const task = (participantId: string, ownerId: string) =>
      owner
        .query(`INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on) VALUES ($1, $2, $3, 'Matrix task', current_date) RETURNING id`, [
          programId,
          participantId,
          ownerId,
        ])
        .then((result) => result.rows[0].id as string);
    objects['ownTask'] = await task(objects['ownParticipant'], users['specialist']);
    objects['otherTask'] = await task(objects['otherTeamParticipant'], otherTeamSpecialist.id);
    const notify = (userId: string) =>
      owner
        .query(`INSERT INTO notifications (program_id, user_id, kind) VALUES ($1, $2, 'high_risk_flagged') RETURNING id`, [programId, userId])
        .then((result) => result.rows[0].id as string);
    for (const role of Roles) objects[`notification-${role}`] = await notify(users[role]);
    objects['spareNotification'] = await notify(spare.id);
    objects['grantedParticipant'] = await createTestParticipant(owner, programId, { assignTo: otherTeamSpecialist.id });
    for (const role of ['supervisor', 'admin']) await grant(owner, programId, users[role], objects['grantedParticipant']);
    objects['pendingGrant'] = await grant(owner, programId, spare.id, objects['otherTeamParticipant']);
    objects['token'] = await token(owner, programId, spare.id, users['admin']);

    const otherProgram = await createTestProgram(owner);
    const foreignUser = await createTestUser(owner, key, { programId: otherProgram, role: 'supervisor' });
    objects['foreignUser'] = foreignUser.id;
    objects['foreignToken'] = await token(owner, otherProgram, foreignUser.id, foreignUser.id);
    const foreignParticipant = await createTestParticipant(owner, otherProgram);
    objects['foreignParticipant'] = foreignParticipant;
    // The own participant's specialist, as a secondary: a valid body, answered 409 once taken.
    sampleBodies['POST /participants/:id/assignments'] = { specialistId: users['specialist'], kind: 'secondary' };
    objects['foreignGrant'] = await grant(owner, otherProgram, foreignUser.id, foreignParticipant);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  // Sign-out ends the caller's session, so it goes last.
  const guarded = (): RouteDeclaration[] =>
    routeInventory(app)
      .filter((route) => !route.isPublic)
      .sort((a, b) => Number(a.path.endsWith('sign-out')) - Number(b.path.endsWith('sign-out')));

  function call(role: string, route: RouteDeclaration, id: string) {
    const session = sessions[role];
    const path = `/api/v1${route.path}`.replace(/:\w+/g, id);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete' | 'put';
    const pending = session.agent[method](path);
    const body = sampleBodies[`${route.method} ${route.path}`] ?? {};
    return route.method === 'GET' ? pending : pending.set('X-CSRF-Token', session.csrf).send(body);
  }

  it('covers every guarded route', () => {
    expect(guarded().length).toBeGreaterThanOrEqual(18);
  });

  it('declares own and other objects for every route with an id', () => {
    const undeclared = guarded().filter((route) => route.path.includes(':') && !objectsFor(route, 'admin'));
    expect(undeclared.map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it.each(Roles)('as %s: 403 without the permission; with it, own objects reached, others and missing ids 404', async (role) => {
    const wrong: string[] = [];
    const check = (label: string, status: number, ok: (status: number) => boolean, expected: string) => {
      if (!ok(status)) wrong.push(`${label}: expected ${expected}, got ${status}`);
    };
    for (const route of guarded()) {
      const label = `${route.method} ${route.path}`;
      const allowed = roleCan(role, route.permission as Permission);
      const targets = objectsFor(route, role);
      if (!targets) {
        const status = (await call(role, route, missingId)).status;
        if (allowed) check(label, status, (s) => s !== 401 && s !== 403 && s < 500, 'past the guard');
        else check(label, status, (s) => s === 403, '403');
        continue;
      }
      const cases: [string, string, (status: number) => boolean, string][] = allowed
        ? [
            ['own', targets.own, (s) => (s >= 200 && s < 300) || s === 409, '2xx (or 409)'],
            ['other', targets.other, (s) => s === 404, '404'],
            ['missing', missingId, (s) => s === 404, '404'],
          ]
        : [
            ['own', targets.own, (s) => s === 403, '403'],
            ['other', targets.other, (s) => s === 403, '403'],
            ['missing', missingId, (s) => s === 403, '403'],
          ];
      for (const [which, id, ok, expected] of cases) check(`${label} (${which})`, (await call(role, route, id)).status, ok, expected);
    }
    expect(wrong).toEqual([]);
  });
});

async function grant(owner: Client, programId: string, userId: string, participantId: string): Promise<string> {
  const { rows } = await owner.query(
    `INSERT INTO break_glass_grants (program_id, user_id, participant_id, reason, expires_at)
     VALUES ($1, $2, $3, 'Authorization matrix fixture', now() + interval '1 hour') RETURNING id`,
    [programId, userId, participantId],
  );
  return rows[0].id;
}

async function token(owner: Client, programId: string, userId: string, createdBy: string): Promise<string> {
  const { rows } = await owner.query(
    `INSERT INTO api_tokens (program_id, user_id, name, role, token_hash, created_by, expires_at)
     VALUES ($1, $2, 'Matrix fixture', 'specialist', $3, $4, now() + interval '1 day') RETURNING id`,
    [programId, userId, randomUUID(), createdBy],
  );
  return rows[0].id;
}
