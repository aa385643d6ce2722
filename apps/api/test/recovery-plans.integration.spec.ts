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
} from '@waypoint/api-testing';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';
import { countStatements } from './statement-counter';

type Session = Awaited<ReturnType<typeof signIn>>;
interface Goal {
  id: string;
  dimension: string;
  statement: string;
  status: string;
  version: number;
  steps: { id: string; description: string; position: number; doneAt: string | null; version: number }[];
  progress: { rating: number; recordedOn: string; comment: string | null }[];
}

/** Recovery plans: goals in four dimensions, ordered steps, progress (participants issue, item 5). */
describe('recovery plans', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  const send = (method: 'post' | 'patch', path: string, body: object, who = 'specialist') =>
    as[who].agent[method](`/api/v1${path}`).set('X-CSRF-Token', as[who].csrf).send(body);
  const plan = async (who = 'specialist'): Promise<Goal[]> => (await as[who].agent.get(`/api/v1/participants/${ids['own']}/plan`).expect(200)).body.goals;
  const rows = async (sql: string, params: unknown[]) => (await database.owner.query(sql, params)).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
    const team = await createTestTeam(database.owner, programId);
    const otherTeam = await createTestTeam(database.owner, programId);
    for (const [name, role, teamId] of [
      ['specialist', 'specialist', team],
      ['supervisor', 'supervisor', team],
      ['other', 'specialist', otherTeam],
    ] as const) {
      const user = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role, teamId });
      ids[name] = user.id;
      as[name] = await signIn(app, user);
    }
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [team, ids['supervisor']]);
    ids['own'] = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'] });
    ids['othersParticipant'] = await createTestParticipant(database.owner, programId, { assignTo: ids['other'] });
    const others = await createTestGoal(database.owner, programId, ids['othersParticipant']);
    ids['othersGoal'] = others.goalId;
    ids['othersStep'] = others.stepIds[0];
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('starts empty', async () => {
    expect(await plan()).toEqual([]);
  });

  it('adds a goal in the participant’s words with ordered steps, and the supervisor sees it', async () => {
    const created = await send('post', `/participants/${ids['own']}/goals`, {
      dimension: 'home',
      statement: '  I want my own apartment by spring, somewhere quiet.  ',
      targetDate: '2027-04-01',
      steps: ['Get on the housing authority waitlist', 'Save $600 for a deposit', '  '],
    }).expect(201);
    ids['goal'] = created.body.id;
    expect(created.body).toMatchObject({
      dimension: 'home',
      statement: 'I want my own apartment by spring, somewhere quiet.',
      targetDate: '2027-04-01',
      status: 'active',
      version: 1,
      steps: [
        { position: 0, description: 'Get on the housing authority waitlist', doneAt: null },
        { position: 1, description: 'Save $600 for a deposit', doneAt: null },
      ],
      progress: [],
    });
    expect(await plan('supervisor')).toHaveLength(1);
    const audit = await rows(`SELECT outcome, resource_id FROM audit_events WHERE participant_id = $1 AND action = 'goal.create'`, [ids['own']]);
    expect(audit).toEqual([{ outcome: 'success', resource_id: ids['goal'] }]);
  });

  it('marks steps done and undone, adds and reorders steps', async () => {
    const [goal] = await plan();
    const [first, second] = goal.steps;
    const done = await send('patch', `/goal-steps/${first.id}`, { done: true, version: first.version }).expect(200);
    expect(done.body.steps[0].doneAt).toEqual(expect.any(String));
    await send('patch', `/goal-steps/${first.id}`, { done: false, version: first.version }).expect(409); // stale
    const undone = await send('patch', `/goal-steps/${first.id}`, { done: false, version: first.version + 1 }).expect(200);
    expect(undone.body.steps[0].doneAt).toBeNull();

    const added = await send('post', `/goals/${goal.id}/steps`, { description: 'Visit two places with my sponsor' }).expect(201);
    const third = added.body.steps[2];
    expect(third).toMatchObject({ position: 2, description: 'Visit two places with my sponsor' });
    const reordered = await send('post', `/goals/${goal.id}/steps/order`, { stepIds: [third.id, first.id, second.id] }).expect(200);
    expect(reordered.body.steps.map((step: { description: string }) => step.description)).toEqual([
      'Visit two places with my sponsor',
      'Get on the housing authority waitlist',
      'Save $600 for a deposit',
    ]);
    await send('post', `/goals/${goal.id}/steps/order`, { stepIds: [third.id, first.id] }).expect(400); // not every step
  });

  it('records progress (0–10) with the newest first, never for a future date', async () => {
    await send('post', `/goals/${ids['goal']}/progress`, { rating: 3, recordedOn: '2026-10-01', comment: 'On the waitlist.' }).expect(201);
    const latest = await send('post', `/goals/${ids['goal']}/progress`, { rating: 5, comment: 'Deposit half saved.' }).expect(201);
    expect(latest.body.progress).toEqual([
      expect.objectContaining({ rating: 5, recordedOn: today, comment: 'Deposit half saved.' }),
      expect.objectContaining({ rating: 3, recordedOn: '2026-10-01' }),
    ]);
    await send('post', `/goals/${ids['goal']}/progress`, { rating: 11 }).expect(400);
    await send('post', `/goals/${ids['goal']}/progress`, { rating: 4, recordedOn: tomorrow }).expect(400);
  });

  it('closes a goal as achieved, revised or discontinued (with a reason) and reopens it', async () => {
    const [goal] = await plan();
    await send('post', `/goals/${goal.id}/status`, { status: 'discontinued', version: goal.version }).expect(400);
    const closed = await send('post', `/goals/${goal.id}/status`, { status: 'discontinued', reason: 'Moving in with family instead', version: goal.version }).expect(200);
    expect(closed.body).toMatchObject({ status: 'discontinued', statusReason: 'Moving in with family instead', statusChangedOn: today });
    await send('post', `/goals/${goal.id}/status`, { status: 'achieved', version: closed.body.version }).expect(409);
    const reopened = await send('post', `/goals/${goal.id}/status`, { status: 'active', version: closed.body.version }).expect(200);
    expect(reopened.body.statusReason).toBeNull();
    const edited = await send('patch', `/goals/${goal.id}`, { statement: 'A place of my own by summer', targetDate: null, version: reopened.body.version }).expect(200);
    expect(edited.body).toMatchObject({ statement: 'A place of my own by summer', targetDate: null });
  });

  it('reads a plan of many goals in the same number of SQL statements as a plan of one (no N+1)', async () => {
    const single = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'] });
    await createTestGoal(database.owner, programId, single, 3);
    for (let i = 0; i < 6; i++) await createTestGoal(database.owner, programId, ids['own'], 3);
    const read = (participantId: string) => as['specialist'].agent.get(`/api/v1/participants/${participantId}/plan`).expect(200);
    const one = await countStatements(() => read(single));
    const many = await countStatements(() => read(ids['own']));
    expect(many.result.body.goals).toHaveLength(7);
    expect(one.result.body.goals).toHaveLength(1);
    expect(one.count).toBeGreaterThan(0);
    expect(many.count).toBe(one.count);
  });

  it('refuses bad input and changes nothing', async () => {
    const before = await rows(`SELECT count(*)::int AS n FROM goals`, []);
    await send('post', `/participants/${ids['own']}/goals`, { dimension: 'money', statement: 'x' }).expect(400);
    await send('post', `/participants/${ids['own']}/goals`, { dimension: 'health', statement: '' }).expect(400);
    await send('post', `/participants/${ids['own']}/goals`, { dimension: 'health', statement: 'ok', steps: Array(21).fill('a') }).expect(400);
    await send('post', `/participants/${ids['own']}/goals`, { dimension: 'health', statement: 'ok', participantId: ids['othersParticipant'] }).expect(400);
    expect(await rows(`SELECT count(*)::int AS n FROM goals`, [])).toEqual(before);
  });

  it('is 404 for another team’s participant, goal and step, and writes nothing there', async () => {
    await as['specialist'].agent.get(`/api/v1/participants/${ids['othersParticipant']}/plan`).expect(404);
    await send('post', `/participants/${ids['othersParticipant']}/goals`, { dimension: 'health', statement: 'Sneaky' }).expect(404);
    await send('patch', `/goals/${ids['othersGoal']}`, { statement: 'Sneaky', version: 1 }).expect(404);
    await send('post', `/goals/${ids['othersGoal']}/status`, { status: 'achieved', version: 1 }).expect(404);
    await send('post', `/goals/${ids['othersGoal']}/steps`, { description: 'Sneaky' }).expect(404);
    await send('post', `/goals/${ids['othersGoal']}/progress`, { rating: 1 }).expect(404);
    await send('patch', `/goal-steps/${ids['othersStep']}`, { done: true, version: 1 }).expect(404);
    const goal = await rows(`SELECT statement, status, version FROM goals WHERE id = $1`, [ids['othersGoal']]);
    expect(goal).toEqual([{ statement: 'Find a sober living place near work', status: 'active', version: 1 }]);
    const denied = await rows(`SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'goal.%' AND outcome = 'denied'`, []);
    expect(denied[0].n).toBeGreaterThanOrEqual(6);
  });
});
