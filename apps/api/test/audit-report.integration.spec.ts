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
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';
import { countStatements } from './statement-counter';

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
    ids['program'] = programId;
    ids['own'] = await createTestParticipant(owner, programId, { assignTo: specialistUser.id, firstName: 'Rosa', lastName: 'Ownteam' });
    ids['otherTeam'] = await createTestParticipant(owner, programId, { assignTo: otherUser.id, firstName: 'Omar', lastName: 'Otherteam' });
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
    const csv = await admin.agent.get(`/api/v1/audit/events.csv?participantId=${ids['own']}&action=participant.read`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,actorId,actorName,actorRole,action,resourceType,resourceId,participantId,participantName,outcome,requestId,ip,userAgent,reason');
    expect(lines.slice(1).every((line) => line.includes(ids['own']))).toBe(true);
    // The admin has no care-team scope: ids only, the name column stays empty.
    expect(csv.text).not.toContain('Ownteam');
    expect(lines.length - 1).toBe(2); // the specialist's two reads
  });

  it('verifies the chain from the admin endpoint, incrementally after the first time', async () => {
    const full = await admin.agent.post('/api/v1/audit/verify').set('X-CSRF-Token', admin.csrf).send({ full: true }).expect(200);
    expect(full.body).toMatchObject({ ok: true, full: true });
    expect(full.body.checked).toBeGreaterThan(10);
    const next = await admin.agent.post('/api/v1/audit/verify').set('X-CSRF-Token', admin.csrf).send({}).expect(200);
    expect(next.body).toMatchObject({ ok: true, full: false });
    expect(next.body.checked).toBeLessThan(5);
    expect(next.body.total).toBeGreaterThan(full.body.checked);
  });

  it('shows an admin their own program’s figures when they verify the instance-wide chain', async () => {
    // A second program with history of its own, and its own admin.
    const owner = database.owner;
    const key = config.secrets.encryptionKey;
    const otherProgram = await createTestProgram(owner);
    const otherTeam = await createTestTeam(owner, otherProgram);
    const workerUser = await createTestUser(owner, key, { programId: otherProgram, role: 'specialist', teamId: otherTeam });
    const worker = await signIn(app, workerUser);
    const theirs = await createTestParticipant(owner, otherProgram, { assignTo: workerUser.id });
    for (let i = 0; i < 5; i++) await worker.agent.get(`/api/v1/participants/${theirs}`).expect(200);
    const newAdmin = await signIn(app, await createTestUser(owner, key, { programId: otherProgram, role: 'admin' }));
    await app.get(AuditWriter).flush();
    const count = async (programId?: string) =>
      (await owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE $1::uuid IS NULL OR program_id = $1`, [programId ?? null])).rows[0].n as number;
    const [ours, their, instance] = [await count(ids['program']), await count(otherProgram), await count()];

    const mine = await admin.agent.post('/api/v1/audit/verify').set('X-CSRF-Token', admin.csrf).send({ full: true }).expect(200);
    // Counted before this request's own audit.verify row, which commits with the response.
    expect(mine.body).toEqual({ ok: true, full: true, checked: ours, total: ours });
    const other = await newAdmin.agent.post('/api/v1/audit/verify').set('X-CSRF-Token', newAdmin.csrf).send({ full: true }).expect(200);
    expect(other.body).toEqual({ ok: true, full: true, checked: their, total: their });
    expect(ours + their).toBe(instance); // what each used to see: the other program's rows too
    expect(their).toBeGreaterThanOrEqual(5); // the five reads
  });

  it('names participants only within the viewer’s care team, in one query per page, and records the names shown', async () => {
    // The admin reads the program's trail: ids, never names (an admin has no care-team scope).
    const adminPage = await admin.agent.get(`/api/v1/audit/events?participantId=${ids['own']}`).expect(200);
    expect(adminPage.body.items.length).toBeGreaterThan(0);
    expect(adminPage.body.items.every((item: { participantId: string; participantName: string | null }) => item.participantId === ids['own'] && item.participantName === null)).toBe(true);
    expect(JSON.stringify(adminPage.body)).not.toContain('Ownteam');

    // The supervisor's team view names their team's participants; the read of each name is recorded.
    const second = await createTestParticipant(database.owner, ids['program'], { assignTo: ids['specialist'], firstName: 'Sam', lastName: 'Secondone' });
    await specialist.agent.get(`/api/v1/participants/${second}`).expect(200);
    const requestId = `names-${Date.now()}`;
    const team = await supervisor.agent.get('/api/v1/audit/team-events?limit=100').set('X-Request-Id', requestId).expect(200);
    const about = team.body.items.filter((item: { participantId: string }) => item.participantId === ids['own']);
    expect(about.length).toBeGreaterThan(1);
    expect(about.every((item: { participantName: string }) => item.participantName === 'Rosa Ownteam')).toBe(true);
    expect(JSON.stringify(team.body)).not.toContain('Otherteam');
    await app.get(AuditWriter).flush();
    const recorded = await database.owner.query(`SELECT action, participant_id AS "participantId" FROM audit_events WHERE request_id = $1`, [requestId]);
    expect(recorded.rows).toEqual(expect.arrayContaining([{ action: 'audit.search-team', participantId: ids['own'] }, { action: 'audit.search-team', participantId: second }]));
    expect(recorded.rows).toHaveLength(2);

    // One statement for the names, however many rows the page has.
    const statements = async (limit: number) => (await countStatements(() => supervisor.agent.get(`/api/v1/audit/team-events?limit=${limit}`).expect(200))).count;
    expect(await statements(100)).toBe(await statements(1));
  });

  it('gives a supervisor the recent access history of their team’s participant, and 404 for others', async () => {
    const history = await supervisor.agent.get(`/api/v1/participants/${ids['own']}/access-history`).expect(200);
    // Among the latest ten (the supervisor's own views of the team trail, which named this
    // participant, are recorded about them too).
    expect(history.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ actorName: 'Test specialist', actorRole: 'specialist', action: 'participant.read', outcome: 'success' })]),
    );
    await supervisor.agent.get(`/api/v1/participants/${ids['otherTeam']}/access-history`).expect(404);
    await specialist.agent.get(`/api/v1/participants/${ids['own']}/access-history`).expect(403);
  });
});
