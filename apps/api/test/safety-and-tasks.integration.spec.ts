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

/** Safety events, the high-risk flag and its notifications, crisis lines, tasks (items 7–8). */
describe('safety and tasks', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  /** A calendar date as a sentence writes it: "Nov 28, 2026". */
  const spoken = (date: string) =>
    new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

  const send = (who: string, method: 'post' | 'patch', path: string, body: object) =>
    as[who].agent[method](`/api/v1${path}`).set('X-CSRF-Token', as[who].csrf).send(body);
  const get = (who: string, path: string) => as[who].agent.get(`/api/v1${path}`);
  const version = async (id: string) => Number((await database.owner.query(`SELECT version FROM participants WHERE id = $1`, [id])).rows[0].version);

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig({ CRISIS_LOCAL_RESOURCES: 'County mobile crisis team|555-0142|24/7' });
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
    const team = await createTestTeam(database.owner, programId);
    const otherTeam = await createTestTeam(database.owner, programId);
    const user = async (name: string, role: Role, teamId?: string) => {
      const created = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role, teamId });
      ids[name] = created.id;
      as[name] = await signIn(app, created);
    };
    await user('specialist', 'specialist', team);
    await user('teammate', 'specialist', team);
    await user('supervisor', 'supervisor', team);
    await user('otherSupervisor', 'supervisor', otherTeam);
    await user('otherSpecialist', 'specialist', otherTeam);
    await user('clinician', 'clinician');
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [team, ids['supervisor']]);
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [otherTeam, ids['otherSupervisor']]);
    ids['own'] = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'], firstName: 'Marcus', lastName: 'Bell' });
    ids['second'] = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'], lastName: 'Second' });
    ids['others'] = await createTestParticipant(database.owner, programId, { assignTo: ids['otherSpecialist'] });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  describe('safety', () => {
    it('records an overdose, which raises the high-risk flag and notifies the team’s supervisor only', async () => {
      const recorded = await send('specialist', 'post', `/participants/${ids['own']}/safety-events`, {
        kind: 'overdose',
        occurredOn: day(-1),
        description: 'Found unresponsive at the shelter; revived with two doses of naloxone by staff.',
        followUp: 'Visited at the ED next morning; connected to MOUD clinic intake.',
      }).expect(201);
      expect(recorded.body).toMatchObject({ flagRaised: true, participant: { highRisk: true, highRiskReason: `Overdose recorded for ${spoken(day(-1))}` } });

      const list = await get('specialist', '/participants').expect(200);
      expect(list.body.items.find((item: { id: string }) => item.id === ids['own'])).toMatchObject({ highRisk: true });

      const supervisor = await get('supervisor', '/notifications').expect(200);
      expect(supervisor.body).toMatchObject({ unread: 1, items: [{ kind: 'high_risk_flagged', participantId: ids['own'], participantName: 'Marcus Bell' }] });
      expect((await get('otherSupervisor', '/notifications').expect(200)).body.items).toEqual([]);
      expect((await get('specialist', '/notifications').expect(200)).body.items).toEqual([]); // not told of their own act

      // The badge's count names nobody, so asking for it leaves no audit row.
      const auditRows = async () => Number((await database.owner.query(`SELECT count(*) FROM audit_events WHERE actor_id = $1`, [ids['supervisor']])).rows[0].count);
      await app.get(AuditWriter).flush(); // the list above is recorded in a batch: count from after it
      const before = await auditRows();
      expect((await get('supervisor', '/notifications/unread-count').expect(200)).body).toEqual({ unread: 1 });
      expect((await get('otherSupervisor', '/notifications/unread-count').expect(200)).body).toEqual({ unread: 0 });
      await send('supervisor', 'post', `/notifications/${supervisor.body.items[0].id}/read`, {}).expect(204);
      expect((await get('supervisor', '/notifications').expect(200)).body.unread).toBe(0);
      expect((await get('supervisor', '/notifications/unread-count').expect(200)).body).toEqual({ unread: 0 });
      // Two audited calls (mark read, the list) and nothing for the two counts.
      await app.get(AuditWriter).flush();
      expect((await auditRows()) - before).toBe(2);
      await send('otherSupervisor', 'post', `/notifications/${supervisor.body.items[0].id}/read`, {}).expect(404);
    });

    it('does not notify again for a second overdose while the flag is up', async () => {
      const again = await send('specialist', 'post', `/participants/${ids['own']}/safety-events`, { kind: 'overdose', description: 'Second one.' }).expect(201);
      expect(again.body.flagRaised).toBe(false);
      expect((await get('supervisor', '/notifications').expect(200)).body.items).toHaveLength(1);
    });

    it('lists events newest first and records the other kinds without touching the flag', async () => {
      await send('specialist', 'post', `/participants/${ids['second']}/safety-events`, { kind: 'warm_handoff_988', description: 'Warm handoff to 988 after a hard night.' }).expect(201);
      const [row] = (await database.owner.query(`SELECT high_risk FROM participants WHERE id = $1`, [ids['second']])).rows;
      expect(row.high_risk).toBe(false);
      const events = await get('specialist', `/participants/${ids['own']}/safety-events`).expect(200);
      expect(events.body.items.map((event: { occurredOn: string }) => event.occurredOn)).toEqual([day(0), day(-1)]);
    });

    it('sets and clears the flag by hand with a reason and the record version', async () => {
      await send('specialist', 'post', `/participants/${ids['second']}/risk-flag`, { highRisk: true, version: await version(ids['second']) }).expect(400);
      const stale = await send('specialist', 'post', `/participants/${ids['second']}/risk-flag`, { highRisk: true, reason: 'Recent relapse', version: 99 }).expect(409);
      expect(stale.body.currentVersion).toBe(await version(ids['second']));
      const raised = await send('specialist', 'post', `/participants/${ids['second']}/risk-flag`, { highRisk: true, reason: 'Recent relapse; lives alone', version: await version(ids['second']) }).expect(200);
      expect(raised.body).toMatchObject({ highRisk: true, highRiskReason: 'Recent relapse; lives alone' });
      expect((await get('supervisor', '/notifications').expect(200)).body.items).toHaveLength(2);
      const cleared = await send('specialist', 'post', `/participants/${ids['second']}/risk-flag`, { highRisk: false, version: raised.body.version }).expect(200);
      expect(cleared.body).toMatchObject({ highRisk: false, highRiskReason: null });
    });

    it('refuses bad events and other teams’ participants, writing nothing', async () => {
      const count = async () => Number((await database.owner.query(`SELECT count(*) FROM safety_events`)).rows[0].count);
      const before = await count();
      await send('specialist', 'post', `/participants/${ids['own']}/safety-events`, { kind: 'relapse', description: 'x' }).expect(400);
      await send('specialist', 'post', `/participants/${ids['own']}/safety-events`, { kind: 'crisis', description: '' }).expect(400);
      await send('specialist', 'post', `/participants/${ids['own']}/safety-events`, { kind: 'crisis', description: 'x', occurredOn: day(2) }).expect(400);
      await send('specialist', 'post', `/participants/${ids['others']}/safety-events`, { kind: 'overdose', description: 'x' }).expect(404);
      await get('specialist', `/participants/${ids['others']}/safety-events`).expect(404);
      await send('specialist', 'post', `/participants/${ids['others']}/risk-flag`, { highRisk: true, reason: 'xyz', version: 1 }).expect(404);
      expect(await count()).toBe(before);
    });

    it('serves 988 first and the configured local lines to anyone signed in', async () => {
      const response = await get('clinician', '/crisis-resources').expect(200);
      expect(response.body.items).toEqual([
        { name: '988 Suicide & Crisis Lifeline', phone: '988', note: 'Call or text, 24/7' },
        { name: 'County mobile crisis team', phone: '555-0142', note: '24/7' },
      ]);
    });
  });

  describe('tasks', () => {
    it('creates follow-ups and lists mine with the overdue first, paged by keyset', async () => {
      for (const [participant, title, due] of [
        [ids['own'], 'Call about MOUD intake', day(2)],
        [ids['second'], 'Drop off bus pass', day(-3)],
        [ids['own'], 'Check in after court date', day(0)],
      ] as const) {
        await send('specialist', 'post', `/participants/${participant}/tasks`, { title, dueOn: due }).expect(201);
      }
      const first = await get('specialist', '/tasks?limit=2').expect(200);
      expect(first.body.items.map((task: { title: string; overdue: boolean }) => [task.title, task.overdue])).toEqual([
        ['Drop off bus pass', true],
        ['Check in after court date', false],
      ]);
      expect(first.body.items[0]).toMatchObject({ participantName: 'Test Second', ownerId: ids['specialist'] });
      const second = await get('specialist', `/tasks?limit=2&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body).toMatchObject({ items: [{ title: 'Call about MOUD intake' }], nextCursor: null });
      await get('specialist', '/tasks?cursor=bogus').expect(400);
    });

    it('completes a task (and reopens it) with its version; done tasks leave the open list', async () => {
      const [task] = (await get('specialist', '/tasks?limit=1').expect(200)).body.items;
      const done = await send('specialist', 'patch', `/tasks/${task.id}`, { done: true, version: task.version }).expect(200);
      expect(done.body.doneAt).toEqual(expect.any(String));
      await send('specialist', 'patch', `/tasks/${task.id}`, { done: false, version: task.version }).expect(409);
      expect((await get('specialist', '/tasks').expect(200)).body.items.map((t: { id: string }) => t.id)).not.toContain(task.id);
      expect((await get('specialist', '/tasks?status=done').expect(200)).body.items.map((t: { id: string }) => t.id)).toEqual([task.id]);
    });

    it('lets a supervisor give a task to a teammate, not a specialist someone to another', async () => {
      const given = await send('supervisor', 'post', `/participants/${ids['own']}/tasks`, { title: 'Bring the housing forms', dueOn: day(5), ownerId: ids['teammate'] }).expect(201);
      expect(given.body).toMatchObject({ ownerId: ids['teammate'] });
      await send('specialist', 'post', `/participants/${ids['own']}/tasks`, { title: 'x', dueOn: day(5), ownerId: ids['teammate'] }).expect(400);
      await send('supervisor', 'post', `/participants/${ids['own']}/tasks`, { title: 'x', dueOn: day(5), ownerId: ids['otherSpecialist'] }).expect(400);
    });

    it('is 404 for other teams’ participants and tasks', async () => {
      const theirs = await send('otherSpecialist', 'post', `/participants/${ids['others']}/tasks`, { title: 'Theirs', dueOn: day(1) }).expect(201);
      await send('specialist', 'patch', `/tasks/${theirs.body.id}`, { done: true, version: 1 }).expect(404);
      await send('specialist', 'post', `/participants/${ids['others']}/tasks`, { title: 'x', dueOn: day(1) }).expect(404);
      await get('specialist', `/participants/${ids['others']}/tasks`).expect(404);
      const [row] = (await database.owner.query(`SELECT done_at FROM tasks WHERE id = $1`, [theirs.body.id])).rows;
      expect(row.done_at).toBeNull();
    });

    it('lists one participant’s tasks, whoever owns them: open by default, done or all, one keyset page at a time', async () => {
      const participant = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'], lastName: 'Tasklist' });
      for (const [title, due] of [['First', day(-3)], ['Second', day(1)], ['Third', day(2)], ['Fourth', day(9)]] as const) {
        await send('specialist', 'post', `/participants/${participant}/tasks`, { title, dueOn: due }).expect(201);
      }
      await send('supervisor', 'post', `/participants/${participant}/tasks`, { title: 'Teammate’s', dueOn: day(4), ownerId: ids['teammate'] }).expect(201);
      const first = await get('specialist', `/participants/${participant}/tasks`).expect(200);
      const done = first.body.items.find((task: { title: string }) => task.title === 'Second');
      await send('specialist', 'patch', `/tasks/${done.id}`, { done: true, version: done.version }).expect(200);

      const titles = async (query: string) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: { items: { title: string }[]; nextCursor: string | null } } = await get(
            'specialist',
            `/participants/${participant}/tasks${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          ).expect(200);
          seen.push(...page.body.items.map((task) => task.title));
          cursor = page.body.nextCursor;
        } while (cursor);
        return seen;
      };
      expect(await titles('?status=open')).toEqual(['First', 'Third', 'Teammate’s', 'Fourth']);
      expect(await titles('?status=done')).toEqual(['Second']);
      expect(await titles('?status=all')).toEqual(['First', 'Second', 'Third', 'Teammate’s', 'Fourth']);
      expect((await get('specialist', `/participants/${participant}/tasks`).expect(200)).body.items).toHaveLength(4);
      await get('specialist', `/participants/${participant}/tasks?status=late`).expect(400);
      const impossible = Buffer.from(`2026-02-30|${done.id}`).toString('base64url');
      await get('specialist', `/participants/${participant}/tasks?cursor=${impossible}`).expect(400);
    });

    it('refuses bad input', async () => {
      await send('specialist', 'post', `/participants/${ids['own']}/tasks`, { title: '', dueOn: day(1) }).expect(400);
      await send('specialist', 'post', `/participants/${ids['own']}/tasks`, { title: 'x', dueOn: 'tomorrow' }).expect(400);
      await get('specialist', '/tasks?status=late').expect(400);
    });
  });
});
