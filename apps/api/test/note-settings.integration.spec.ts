import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, createTestParticipant, createTestProgram, createTestTeam, createTestUser, testConfig, type TestDatabase } from '@waypoint/api-testing';
import { NoteTopics, type Role } from '@waypoint/shared-contracts';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

type Session = Awaited<ReturnType<typeof signIn>>;

/**
 * A program's note settings (session-notes issue, item 1): the format new notes start in, the
 * topics they are tagged from, and the program's time zone, which is the calendar the daily cap
 * counts in.
 */
describe('note settings', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let programId: string;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const send = (who: string, method: 'post' | 'patch' | 'put', path: string, body: object) =>
    as[who].agent[method](`/api/v1${path}`).set('X-CSRF-Token', as[who].csrf).send(body);
  const get = (who: string, path: string) => as[who].agent.get(`/api/v1${path}`);
  const settingsRow = async () =>
    (await database.owner.query(`SELECT note_format, note_topics, version FROM programs WHERE id = $1`, [programId])).rows[0] as { note_format: string; note_topics: string[]; version: number };
  const newNote = (extra: object = {}) => ({
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    durationMinutes: 30,
    contactType: 'individual',
    modality: 'in_person',
    ...extra,
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
    const team = await createTestTeam(database.owner, programId);
    for (const role of ['specialist', 'supervisor', 'admin'] as Role[]) {
      const created = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role, teamId: role === 'admin' ? undefined : team });
      ids[role] = created.id;
      as[role] = await signIn(app, created);
    }
    ids['participant'] = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'] });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('starts every program on GIRP with the built-in topics, in its own time zone', async () => {
    const { body } = await get('specialist', '/notes/settings').expect(200);
    expect(body).toEqual({ defaultFormat: 'GIRP', topics: [...NoteTopics], timeZone: 'UTC', version: expect.any(Number) });
    // A supervisor and an admin read them too (the admin page, the co-sign queue's labels).
    await get('supervisor', '/notes/settings').expect(200);
    await get('admin', '/notes/settings').expect(200);
  });

  it('lets an admin switch the program to DAP with a topic of its own; new notes follow, old tags stay', async () => {
    // A draft tagged "legal" before the program drops that topic.
    const before = await send('specialist', 'post', `/participants/${ids['participant']}/notes`, newNote({ topics: ['legal'] })).expect(201);
    expect(before.body.format).toBe('GIRP');

    const { version } = (await get('admin', '/notes/settings').expect(200)).body;
    const topics = ['cravings', 'housing', 'Reentry support', '  Harm reduction   supplies '];
    const saved = await send('admin', 'put', '/notes/settings', { defaultFormat: 'DAP', topics, version }).expect(200);
    expect(saved.body).toMatchObject({ defaultFormat: 'DAP', topics: ['cravings', 'housing', 'Reentry support', 'Harm reduction supplies'], version: version + 1 });
    const audit = await database.owner.query(`SELECT actor_id, outcome, resource_type, resource_id FROM audit_events WHERE action = 'program.note-settings.update'`);
    expect(audit.rows).toEqual([{ actor_id: ids['admin'], outcome: 'success', resource_type: 'program', resource_id: programId }]);

    // A new note without a format is DAP, and takes the program's own topic.
    const dap = await send('specialist', 'post', `/participants/${ids['participant']}/notes`, newNote({ topics: ['Reentry support'], sections: { data: 'Met at the library' } })).expect(201);
    expect(dap.body).toMatchObject({ format: 'DAP', topics: ['Reentry support'], sections: { data: 'Met at the library' } });
    // A topic the program no longer offers is refused on a new note, and nothing is written…
    const notesBefore = Number((await database.owner.query(`SELECT count(*) FROM session_notes`)).rows[0].count);
    const refused = await send('specialist', 'post', `/participants/${ids['participant']}/notes`, newNote({ topics: ['legal'] })).expect(400);
    expect(refused.body.detail).toBe('Not one of this program’s note topics: "legal".');
    expect(Number((await database.owner.query(`SELECT count(*) FROM session_notes`)).rows[0].count)).toBe(notesBefore);
    // …but the draft that chose it before keeps it while it is rewritten.
    const kept = await send('specialist', 'patch', `/notes/${before.body.id}`, { topics: ['legal', 'housing'], location: 'Library', version: before.body.version }).expect(200);
    expect(kept.body.topics).toEqual(['legal', 'housing']);
    await send('specialist', 'patch', `/notes/${before.body.id}`, { topics: ['legal', 'employment'], version: kept.body.version }).expect(400);
  });

  it('refuses bad settings with a problem response and changes nothing', async () => {
    const current = (await get('admin', '/notes/settings').expect(200)).body;
    const row = await settingsRow();
    const bad: object[] = [
      { defaultFormat: 'BIRP', topics: ['housing'], version: current.version },
      { defaultFormat: 'GIRP', topics: [], version: current.version },
      { defaultFormat: 'GIRP', topics: ['housing', '   '], version: current.version },
      { defaultFormat: 'GIRP', topics: ['x'.repeat(61)], version: current.version },
      { defaultFormat: 'GIRP', topics: Array.from({ length: 61 }, (_, i) => `Topic ${i}`), version: current.version },
      { defaultFormat: 'GIRP', topics: [42], version: current.version },
      { defaultFormat: 'GIRP', topics: ['housing'] },
      { defaultFormat: 'GIRP', topics: 'housing', version: current.version },
    ];
    for (const body of bad) {
      const response = await send('admin', 'put', '/notes/settings', body).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const twice = await send('admin', 'put', '/notes/settings', { defaultFormat: 'GIRP', topics: ['Peer support', 'peer  SUPPORT'], version: current.version }).expect(400);
    expect(twice.body.detail).toBe('The topic "peer SUPPORT" is on the list twice.');
    // A stale version is 409 with the current one.
    const stale = await send('admin', 'put', '/notes/settings', { defaultFormat: 'SOAP', topics: ['housing'], version: current.version - 1 }).expect(409);
    expect(stale.body.currentVersion).toBe(current.version);
    expect(await settingsRow()).toEqual(row);
  });

  it('lets only admins change them', async () => {
    const { version } = (await get('admin', '/notes/settings').expect(200)).body;
    for (const who of ['specialist', 'supervisor']) {
      await send(who, 'put', '/notes/settings', { defaultFormat: 'SOAP', topics: ['housing'], version }).expect(403);
    }
    expect((await settingsRow()).note_format).toBe('DAP');
  });

  it('counts the daily cap on the program’s calendar day, not UTC’s', async () => {
    // Los Angeles is UTC−8 in January: 10 pm there on the 14th is 06:00 UTC on the 15th.
    await database.owner.query(`UPDATE programs SET time_zone = 'America/Los_Angeles' WHERE id = $1`, [programId]);
    const participant = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'] });
    const create = (startedAt: string, durationMinutes: number) =>
      send('specialist', 'post', `/participants/${participant}/notes`, { startedAt, durationMinutes, contactType: 'individual', modality: 'phone', sections: { data: 'Call' } }).expect(201);
    const lateEvening = await create('2026-01-15T06:00:00.000Z', 225); // 10 pm on the 14th in LA: 15 units
    expect(lateEvening.body.units).toBe(15);
    // 9 am on the 14th in LA (17:00 UTC on the 14th): the same local day, so only 1 unit is left.
    const morning = await create('2026-01-14T17:00:00.000Z', 60);
    expect(morning.body).toMatchObject({ units: 1, billing: { requested: 4, units: 1, capped: true, over: 3 } });
    // 11 pm on the 13th in LA (07:00 UTC on the 14th, the UTC day of the morning visit): another day.
    const dayBefore = await create('2026-01-14T07:00:00.000Z', 60);
    expect(dayBefore.body).toMatchObject({ units: 4, billing: { capped: false } });
  });
});
