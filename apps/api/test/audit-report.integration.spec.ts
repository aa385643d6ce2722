import type { NestExpressApplication } from '@nestjs/platform-express';
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
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

type Session = Awaited<ReturnType<typeof signIn>>;

/** Reading the trail: the admin report, the supervisor's team view, CSV, verify, access history. */
describe('audit report', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let admin: Session;
  let supervisor: Session;
  let specialist: Session;
  let otherSpecialist: Session;
  const ids: Record<string, string> = {};

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
    const specialistUser = await createTestUser(owner, key, { programId, role: 'specialist', teamId: team });
    const otherUser = await createTestUser(owner, key, { programId, role: 'specialist', teamId: otherTeam });
    const supervisorUser = await createTestUser(owner, key, { programId, role: 'supervisor', teamId: team });
    await owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [team, supervisorUser.id]);
    ids['specialist'] = specialistUser.id;
    ids['own'] = await createTestParticipant(owner, programId, { assignTo: specialistUser.id });
    ids['otherTeam'] = await createTestParticipant(owner, programId, { assignTo: otherUser.id });
    admin = await signIn(app, await createTestUser(owner, key, { programId, role: 'admin' }));
    supervisor = await signIn(app, supervisorUser);
    specialist = await signIn(app, specialistUser);
    otherSpecialist = await signIn(app, otherUser);
    // Some history: the specialist reads their participant twice, the other team reads theirs.
    await specialist.agent.get(`/api/v1/participants/${ids['own']}`).expect(200);
    await specialist.agent.get(`/api/v1/participants/${ids['own']}`).expect(200);
    await specialist.agent.get(`/api/v1/participants/${ids['otherTeam']}`).expect(404);
    await otherSpecialist.agent.get(`/api/v1/participants/${ids['otherTeam']}`).expect(200);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('filters the program’s events by participant, action and outcome, newest first, by keyset', async () => {
    const reads = await admin.agent.get(`/api/v1/audit/events?participantId=${ids['own']}&action=participant.read&outcome=success`).expect(200);
    expect(reads.body.items).toHaveLength(2);
    expect(reads.body.items[0]).toMatchObject({ actorId: ids['specialist'], actorName: 'Test specialist', actorRole: 'specialist', participantId: ids['own'] });
    expect(Date.parse(reads.body.items[0].occurredAt)).toBeGreaterThanOrEqual(Date.parse(reads.body.items[1].occurredAt));
    const denied = await admin.agent.get(`/api/v1/audit/events?outcome=denied&participantId=${ids['otherTeam']}`).expect(200);
    expect(denied.body.items).toEqual([expect.objectContaining({ action: 'participant.read', actorId: ids['specialist'] })]);

    const first = await admin.agent.get(`/api/v1/audit/events?participantId=${ids['own']}&limit=1`).expect(200);
    const second = await admin.agent.get(`/api/v1/audit/events?participantId=${ids['own']}&limit=1&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    await admin.agent.get('/api/v1/audit/events?cursor=%%%').expect(400);
    await admin.agent.get('/api/v1/audit/events?from=last-week').expect(400);
    await specialist.agent.get('/api/v1/audit/events').expect(403);
  });

  it('shows a supervisor only the events about their team’s participants', async () => {
    const team = await supervisor.agent.get('/api/v1/audit/team-events').expect(200);
    const participants = new Set(team.body.items.map((item: { participantId: string }) => item.participantId));
    expect(participants.has(ids['own'])).toBe(true);
    expect(participants.has(ids['otherTeam'])).toBe(false);
    await supervisor.agent.get('/api/v1/audit/events').expect(403);
  });

  it('streams the filtered set as CSV with a header', async () => {
    const csv = await admin.agent.get(`/api/v1/audit/events.csv?participantId=${ids['own']}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,actorId,actorName,actorRole,action,resourceType,resourceId,participantId,outcome,requestId,ip,userAgent,reason');
    expect(lines.slice(1).every((line) => line.includes(ids['own']))).toBe(true);
    expect(lines.length - 1).toBe(2); // the specialist's two reads
  });

  it('verifies the chain from the admin endpoint, incrementally after the first time', async () => {
    const full = await admin.agent.post('/api/v1/audit/verify').set('X-CSRF-Token', admin.csrf).send({ full: true }).expect(200);
    expect(full.body).toMatchObject({ ok: true, fromId: 0 });
    expect(full.body.checked).toBeGreaterThan(10);
    const next = await admin.agent.post('/api/v1/audit/verify').set('X-CSRF-Token', admin.csrf).send({}).expect(200);
    expect(next.body).toMatchObject({ ok: true, fromId: full.body.throughId });
    expect(next.body.checked).toBeLessThan(5);
  });

  it('gives a supervisor the recent access history of their team’s participant, and 404 for others', async () => {
    const history = await supervisor.agent.get(`/api/v1/participants/${ids['own']}/access-history`).expect(200);
    expect(history.body.items.slice(0, 3)).toEqual(
      expect.arrayContaining([expect.objectContaining({ actorName: 'Test specialist', actorRole: 'specialist', action: 'participant.read', outcome: 'success' })]),
    );
    await supervisor.agent.get(`/api/v1/participants/${ids['otherTeam']}/access-history`).expect(404);
    await specialist.agent.get(`/api/v1/participants/${ids['own']}/access-history`).expect(403);
  });
});
