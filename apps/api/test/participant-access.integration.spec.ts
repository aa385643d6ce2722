import { Logger } from '@nestjs/common';
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
import type { Role } from '@waypoint/shared-contracts';
import { Client } from 'pg';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

type Session = Awaited<ReturnType<typeof signIn>>;

/**
 * Object-level access (docs/security.md, "Who sees which participant") against a real
 * PostgreSQL: who reaches which participant, what they see of them, and emergency
 * (break-glass) access with its review.
 */
describe('participant access', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);

  const get = (who: string, path: string) => as[who].agent.get(`/api/v1${path}`);
  const post = (who: string, path: string, body: object = {}) => as[who].agent.post(`/api/v1${path}`).set('X-CSRF-Token', as[who].csrf).send(body);

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
    const user = async (name: string, role: Role, teamId?: string) => {
      const created = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role, teamId });
      ids[name] = created.id;
      as[name] = await signIn(app, created);
      return created.id;
    };
    // Team A is led by supervisorA; team B by supervisorB. Each supervisor is also a team member.
    const teamA = await createTestTeam(database.owner, programId);
    const teamB = await createTestTeam(database.owner, programId);
    await user('specialistA', 'specialist', teamA);
    await user('teammateA', 'specialist', teamA);
    await user('specialistB', 'specialist', teamB);
    await user('supervisorA', 'supervisor', teamA);
    await user('supervisorB', 'supervisor', teamB);
    await user('otherSupervisor', 'supervisor');
    await user('admin', 'admin');
    await user('clinician', 'clinician');
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [teamA, ids['supervisorA']]);
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [teamB, ids['supervisorB']]);

    const participant = (name: string, options: Parameters<typeof createTestParticipant>[2]) =>
      createTestParticipant(database.owner, programId, options).then((id) => (ids[name] = id));
    await participant('own', { assignTo: ids['specialistA'], lastName: 'Avery', firstName: 'Jordan', dateOfBirth: '1988-03-14' });
    await participant('teammates', { assignTo: ids['teammateA'], lastName: 'Brooks' });
    await participant('otherTeams', { assignTo: ids['specialistB'], lastName: 'Castillo', firstName: 'Sam', dateOfBirth: '1979-11-02' });
    await participant('ended', { assignTo: ids['specialistA'], startsOn: lastWeek, endsOn: today, lastName: 'Dunn' });
    await participant('future', { assignTo: ids['specialistA'], startsOn: tomorrow, lastName: 'Ellis' });
    await participant('unassigned', { lastName: 'Foster' });
    // Two people with the same last name and birthday: a lookup by those alone is ambiguous.
    await participant('twinOne', { assignTo: ids['specialistB'], lastName: 'Garcia', firstName: 'Ana', dateOfBirth: '2000-01-01' });
    await participant('twinTwo', { assignTo: ids['specialistB'], lastName: 'Garcia', firstName: 'Luz', dateOfBirth: '2000-01-01' });
    const otherProgram = await createTestProgram(database.owner);
    const foreignSpecialist = await createTestUser(database.owner, config.secrets.encryptionKey, { programId: otherProgram, role: 'specialist' });
    ids['foreign'] = await createTestParticipant(database.owner, otherProgram, { assignTo: foreignSpecialist.id });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const namesIn = async (who: string, query = '') => {
    const response = await get(who, `/participants${query}`).expect(200);
    return response.body.items.map((item: { legalLastName: string }) => item.legalLastName);
  };

  it('gives a specialist exactly the participants assigned to them today', async () => {
    expect(await namesIn('specialistA')).toEqual(['Avery']);
    expect(await namesIn('teammateA')).toEqual(['Brooks']);
  });

  it('gives a supervisor the participants of their team, and nobody else’s', async () => {
    expect(await namesIn('supervisorA')).toEqual(['Avery', 'Brooks']);
    expect(await namesIn('supervisorB')).toEqual(['Castillo', 'Garcia', 'Garcia']);
    expect(await namesIn('otherSupervisor')).toEqual([]);
  });

  it('answers 404 alike for out-of-scope, ended, future, other-program and missing participants', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const bodies = [];
    for (const name of ['teammates', 'otherTeams', 'ended', 'future', 'unassigned', 'foreign']) {
      const response = await get('specialistA', `/participants/${ids[name]}`).expect(404);
      bodies.push({ ...response.body, instance: undefined, requestId: undefined });
    }
    const nonexistent = await get('specialistA', `/participants/${missing}`).expect(404);
    for (const body of bodies) expect(body).toEqual({ ...nonexistent.body, instance: undefined, requestId: undefined });
    await get('supervisorA', `/participants/${ids['otherTeams']}`).expect(404);
    await get('supervisorA', `/participants/${ids['teammates']}`).expect(200);
  });

  it('serializes the care team’s view and no internal columns', async () => {
    const response = await get('specialistA', `/participants/${ids['own']}`).expect(200);
    expect(response.body).toMatchObject({ id: ids['own'], legalLastName: 'Avery', dateOfBirth: '1988-03-14', recoveryPathways: ['smart_recovery'] });
    expect(Object.keys(response.body)).not.toEqual(expect.arrayContaining(['programId']));
    expect(JSON.stringify(response.body)).not.toMatch(/program_id|programId/);
    const list = await get('specialistA', '/participants').expect(200);
    // A caseload row: who, status and flag, and the caseload's own columns; no contact details.
    expect(Object.keys(list.body.items[0]).sort()).toEqual([
      'contactOverdue',
      'daysSinceContact',
      'highRisk',
      'id',
      'lastContactOn',
      'latestBarc',
      'latestBarcOn',
      'legalFirstName',
      'legalLastName',
      'nextFollowUp',
      'nextTask',
      'openGoals',
      'preferredName',
      'pronouns',
      'status',
      'version',
    ]);
  });

  it('refuses participant routes to roles without clinical permissions', async () => {
    await get('admin', '/participants').expect(403);
    await get('clinician', `/participants/${ids['own']}`).expect(403);
  });

  it('pages by keyset without repeats or gaps, and refuses bad paging input', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await get(
        'supervisorB',
        `/participants?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      ).expect(200);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    await get('supervisorB', '/participants?cursor=not-a-cursor').expect(400);
    await get('supervisorB', '/participants?limit=101').expect(400);
    await get('supervisorB', '/participants?status=deceased').expect(400);
    expect(await namesIn('supervisorB', '?status=discharged')).toEqual([]);
  });

  describe('break-glass', () => {
    const reason = 'Participant arrived at the drop-in centre in crisis; their specialist is unreachable.';
    let supervisorGrant: string;
    let adminGrant: string;
    let warnings: jest.SpyInstance;

    beforeAll(() => {
      warnings = jest.spyOn(Logger.prototype, 'warn');
    });
    afterAll(() => warnings.mockRestore());

    it('needs a reason and a way to identify the participant', async () => {
      await post('supervisorA', '/break-glass', { participantId: ids['otherTeams'], reason: 'urgent' }).expect(400);
      await post('supervisorA', '/break-glass', { reason }).expect(400);
      await post('supervisorA', '/break-glass', { lastName: 'Castillo', reason }).expect(400);
      // Mass assignment: nobody grants access to someone else, or picks their own expiry.
      await post('supervisorA', '/break-glass', { participantId: ids['otherTeams'], reason, userId: ids['admin'] }).expect(400);
      await post('supervisorA', '/break-glass', { participantId: ids['otherTeams'], reason, expiresAt: '2099-01-01T00:00:00Z' }).expect(400);
      const count = await database.owner.query(`SELECT count(*)::int AS n FROM break_glass_grants`);
      expect(count.rows[0].n).toBe(0);
    });

    it('is not for specialists or clinicians', async () => {
      await post('specialistA', '/break-glass', { participantId: ids['otherTeams'], reason }).expect(403);
      await post('clinician', '/break-glass', { participantId: ids['otherTeams'], reason }).expect(403);
    });

    it('grants a supervisor time-bounded read access to one participant outside their team', async () => {
      await get('supervisorA', `/break-glass/participants/${ids['otherTeams']}`).expect(404);
      const granted = await post('supervisorA', '/break-glass', { participantId: ids['otherTeams'], reason }).expect(201);
      supervisorGrant = granted.body.id;
      const minutes = (Date.parse(granted.body.expiresAt) - Date.parse(granted.body.grantedAt)) / 60_000;
      expect(minutes).toBe(config.access.breakGlassMinutes);
      const record = await get('supervisorA', `/break-glass/participants/${ids['otherTeams']}`).expect(200);
      expect(record.body).toMatchObject({ legalLastName: 'Castillo', recoveryPathways: ['smart_recovery'] });
      // Only through the emergency route, and only that participant.
      await get('supervisorA', `/participants/${ids['otherTeams']}`).expect(404);
      expect(await namesIn('supervisorA')).toEqual(['Avery', 'Brooks']);
      await get('supervisorA', `/break-glass/participants/${ids['twinOne']}`).expect(404);
      const active = await get('supervisorA', '/break-glass/active').expect(200);
      expect(active.body).toEqual([expect.objectContaining({ id: supervisorGrant, participantId: ids['otherTeams'], participantName: 'Sam Castillo' })]);
    });

    it('records the grant as a security event with identifiers only in the log', () => {
      const events = warnings.mock.calls.map(([fields]) => fields).filter((fields) => fields?.securityEvent === 'break-glass.grant');
      expect(events).toContainEqual(
        expect.objectContaining({ outcome: 'success', resourceId: supervisorGrant, actorId: ids['supervisorA'], participantId: ids['otherTeams'] }),
      );
      expect(JSON.stringify(warnings.mock.calls)).not.toMatch(/Castillo|drop-in centre/);
    });

    it('shows an admin in an emergency how to reach the person, never their recovery details', async () => {
      const granted = await post('admin', '/break-glass', { lastName: 'castillo', dateOfBirth: '1979-11-02', reason }).expect(201);
      adminGrant = granted.body.id;
      expect(granted.body.participantId).toBe(ids['otherTeams']);
      const record = await get('admin', `/break-glass/participants/${ids['otherTeams']}`).expect(200);
      expect(record.body).toMatchObject({ legalLastName: 'Castillo', phone: '555-0100', dateOfBirth: '1979-11-02' });
      expect(record.body).not.toHaveProperty('recoveryPathways');
      expect(record.body).not.toHaveProperty('primarySubstances');
    });

    it('refuses lookups that match nobody, more than one person, or someone already in scope', async () => {
      await post('supervisorA', '/break-glass', { participantId: ids['foreign'], reason }).expect(404);
      await post('supervisorA', '/break-glass', { lastName: 'Nobody', dateOfBirth: '1970-01-01', reason }).expect(404);
      await post('supervisorA', '/break-glass', { lastName: 'Garcia', dateOfBirth: '2000-01-01', reason }).expect(409);
      await post('supervisorA', '/break-glass', { lastName: 'Garcia', firstName: 'Luz', dateOfBirth: '2000-01-01', reason }).expect(201);
      await post('supervisorA', '/break-glass', { participantId: ids['own'], reason }).expect(409);
      const refusals = warnings.mock.calls.filter(([fields]) => fields?.securityEvent === 'break-glass.grant' && fields?.outcome !== 'success');
      expect(refusals.length).toBeGreaterThanOrEqual(3);
    });

    it('ends when the grant expires', async () => {
      await database.owner.query(
        `UPDATE break_glass_grants SET granted_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE id = $1`,
        [adminGrant],
      );
      await get('admin', `/break-glass/participants/${ids['otherTeams']}`).expect(404);
      expect((await get('admin', '/break-glass/active').expect(200)).body).toEqual([]);
    });

    it('lands in a review list another supervisor or admin acknowledges', async () => {
      const pending = await get('supervisorB', '/break-glass/grants').expect(200);
      const row = pending.body.items.find((item: { id: string }) => item.id === supervisorGrant);
      expect(row).toMatchObject({ reason, requesterName: 'Test supervisor', participantInitials: 'SC', reviewedAt: null });
      expect(JSON.stringify(pending.body)).not.toMatch(/Castillo/);
      await post('supervisorA', `/break-glass/grants/${supervisorGrant}/acknowledge`, {}).expect(409);
      await post('supervisorB', `/break-glass/grants/00000000-0000-4000-8000-000000000000/acknowledge`, {}).expect(404);
      await post('supervisorB', `/break-glass/grants/${supervisorGrant}/acknowledge`, { note: 'Confirmed with the on-call lead.' }).expect(204);
      await post('admin', `/break-glass/grants/${supervisorGrant}/acknowledge`, {}).expect(409);
      const stillPending = await get('admin', '/break-glass/grants').expect(200);
      expect(stillPending.body.items.map((item: { id: string }) => item.id)).not.toContain(supervisorGrant);
      const everything = await get('admin', '/break-glass/grants?pending=false').expect(200);
      expect(everything.body.items.find((item: { id: string }) => item.id === supervisorGrant)).toMatchObject({
        reviewerName: 'Test supervisor',
        reviewNote: 'Confirmed with the on-call lead.',
      });
      await get('specialistA', '/break-glass/grants').expect(403);
    });

    it('pages the review list by keyset', async () => {
      const first = await get('admin', '/break-glass/grants?pending=false&limit=1').expect(200);
      expect(first.body.items).toHaveLength(1);
      const second = await get('admin', `/break-glass/grants?pending=false&limit=1&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      await get('admin', '/break-glass/grants?cursor=bogus').expect(400);
      await get('admin', '/break-glass/grants?pending=maybe').expect(400);
    });

    it('keeps the grant itself unchangeable by the API’s database role', async () => {
      const client = new Client({ connectionString: database.appUrl, options: '-c role=waypoint_app' });
      await client.connect();
      try {
        await expect(client.query(`UPDATE break_glass_grants SET expires_at = now() + interval '1 year'`)).rejects.toThrow(/permission denied/);
        await expect(client.query(`UPDATE break_glass_grants SET reason = 'edited'`)).rejects.toThrow(/permission denied/);
        await expect(client.query(`DELETE FROM break_glass_grants`)).rejects.toThrow(/permission denied/);
      } finally {
        await client.end();
      }
    });
  });
});
