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

/** BARC-10 assessments (participants issue, item 6): recording, history, validation, scope, audit. */
describe('assessments', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const today = new Date().toISOString().slice(0, 10);
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  const answers = [5, 4, 4, 3, 5, 4, 5, 6, 4, 5]; // total 45

  const post = (who: string, participantId: string, body: object) =>
    as[who].agent.post(`/api/v1/participants/${participantId}/assessments`).set('X-CSRF-Token', as[who].csrf).send(body);
  const history = (who: string, participantId: string) => as[who].agent.get(`/api/v1/participants/${participantId}/assessments`);
  const count = async () => Number((await database.owner.query(`SELECT count(*) FROM assessments`)).rows[0].count);

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    const programId = await createTestProgram(database.owner);
    const teamA = await createTestTeam(database.owner, programId);
    const teamB = await createTestTeam(database.owner, programId);
    const user = async (name: string, role: Role, teamId?: string) => {
      const created = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role, teamId });
      ids[name] = created.id;
      as[name] = await signIn(app, created);
    };
    await user('specialistA', 'specialist', teamA);
    await user('specialistB', 'specialist', teamB);
    await user('supervisorA', 'supervisor', teamA);
    await user('admin', 'admin');
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [teamA, ids['supervisorA']]);
    ids['own'] = await createTestParticipant(database.owner, programId, { assignTo: ids['specialistA'] });
    ids['otherTeam'] = await createTestParticipant(database.owner, programId, { assignTo: ids['specialistB'] });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('records a BARC-10 dated today by default, with its total computed, and audits it', async () => {
    const created = await post('specialistA', ids['own'], { answers, notes: '  Felt good about work this month.  ' }).expect(201);
    expect(created.body).toMatchObject({
      kind: 'barc10',
      takenOn: today,
      answers,
      total: 45,
      notes: 'Felt good about work this month.',
      recordedById: ids['specialistA'],
      version: 1,
    });
    expect(typeof created.body.recordedByName).toBe('string');
    const audit = await database.owner.query(
      `SELECT action, outcome, resource_type, resource_id, participant_id FROM audit_events WHERE action = 'assessment.create' AND participant_id = $1`,
      [ids['own']],
    );
    expect(audit.rows).toEqual([
      { action: 'assessment.create', outcome: 'success', resource_type: 'assessment', resource_id: created.body.id, participant_id: ids['own'] },
    ]);
  });

  it('lists the history newest first, with items and totals, and audits the read', async () => {
    await post('specialistA', ids['own'], { answers: answers.map(() => 2), takenOn: daysAgo(60) }).expect(201);
    await post('supervisorA', ids['own'], { answers: answers.map(() => 6), takenOn: daysAgo(30) }).expect(201);
    const response = await history('specialistA', ids['own']).expect(200);
    expect(response.body.truncated).toBe(false);
    expect(response.body.items.map((item: { takenOn: string; total: number }) => [item.takenOn, item.total])).toEqual([
      [today, 45],
      [daysAgo(30), 60],
      [daysAgo(60), 20],
    ]);
    expect(response.body.items[1]).toMatchObject({ answers: [6, 6, 6, 6, 6, 6, 6, 6, 6, 6], recordedById: ids['supervisorA'], notes: null });
    await app.get(AuditWriter).flush();
    const audit = await database.owner.query(`SELECT outcome FROM audit_events WHERE action = 'assessment.list' AND participant_id = $1`, [ids['own']]);
    expect(audit.rows).toEqual([{ outcome: 'success' }]);
  });

  it.each([
    ['nine answers', { answers: answers.slice(0, 9) }, 'answers'],
    ['eleven answers', { answers: [...answers, 4] }, 'answers'],
    ['a 0', { answers: [0, ...answers.slice(1)] }, 'answers'],
    ['a 7', { answers: [...answers.slice(0, 9), 7] }, 'answers'],
    ['a fraction', { answers: [4.5, ...answers.slice(1)] }, 'answers'],
    ['a missing answer', { answers: [null, ...answers.slice(1)] }, 'answers'],
    ['no answers', {}, 'answers'],
    ['a future date', { answers, takenOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) }, 'takenOn'],
    ['an impossible date', { answers, takenOn: '2025-02-30' }, 'takenOn'],
    ['another kind', { answers, kind: 'phq9' }, 'kind'],
    ['notes too long', { answers, notes: 'x'.repeat(1001) }, 'notes'],
    ['an unknown field', { answers, total: 60 }, 'total'],
  ])('refuses %s with a field error and records nothing', async (_label, body, field) => {
    const before = await count();
    const response = await post('specialistA', ids['own'], body).expect(400);
    expect(Object.keys(response.body.errors)).toContain(field);
    expect(await count()).toBe(before);
  });

  it('answers 404 for another team’s participant and a missing one, records nothing, and audits the denial', async () => {
    const before = await count();
    await post('specialistA', ids['otherTeam'], { answers }).expect(404);
    await history('specialistA', ids['otherTeam']).expect(404);
    await history('specialistA', '00000000-0000-4000-8000-000000000000').expect(404);
    expect(await count()).toBe(before);
    await app.get(AuditWriter).flush();
    const audit = await database.owner.query(
      `SELECT action, outcome FROM audit_events WHERE participant_id = $1 AND action LIKE 'assessment.%' ORDER BY id`,
      [ids['otherTeam']],
    );
    expect(audit.rows).toEqual([
      { action: 'assessment.create', outcome: 'denied' },
      { action: 'assessment.list', outcome: 'denied' },
    ]);
  });

  it('refuses roles without participant access (403) and shows the other team nothing', async () => {
    await history('admin', ids['own']).expect(403);
    await post('admin', ids['own'], { answers }).expect(403);
    await history('specialistB', ids['own']).expect(404);
  });

  it('holds the instrument’s shape at the database too', async () => {
    const insert = (values: string) =>
      database.owner.query(
        `INSERT INTO assessments (program_id, participant_id, taken_on, answers, recorded_by)
         SELECT program_id, id, current_date, '${values}'::smallint[], $2 FROM participants WHERE id = $1`,
        [ids['own'], ids['specialistA']],
      );
    await expect(insert('{1,2,3}')).rejects.toThrow(/assessments_barc10_shape/);
    await expect(insert('{1,2,3,4,5,6,7,1,2,3}')).rejects.toThrow(/assessments_barc10_answers/);
    await expect(insert('{1,2,3,4,5,6,NULL,1,2,3}')).rejects.toThrow(/assessments_barc10/);
    const grants = await database.owner.query(`SELECT has_table_privilege('waypoint_app', 'assessments', 'UPDATE') AS update, has_table_privilege('waypoint_app', 'assessments', 'DELETE') AS delete`);
    expect(grants.rows[0]).toEqual({ update: false, delete: false });
  });
});
