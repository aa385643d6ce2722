import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@waypoint/api-config';
import { createTestDatabase, createTestNote, createTestParticipant, createTestProgram, createTestTeam, createTestUser, testConfig, type TestDatabase } from '@waypoint/api-testing';
import type { Role } from '@waypoint/shared-contracts';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

type Session = Awaited<ReturnType<typeof signIn>>;

/** A supervisor returning a note tells its author, in the app, with a link to the note. */
describe('a returned note notifies its author', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  let participantId: string;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const comment = 'Add the plan for Friday';

  const send = (who: string, path: string, body: object) => as[who].agent.post(`/api/v1${path}`).set('X-CSRF-Token', as[who].csrf).send(body);
  const notifications = async (who: string) => (await as[who].agent.get('/api/v1/notifications').expect(200)).body;
  const returnedNotices = async () =>
    Number((await database.owner.query(`SELECT count(*) FROM notifications WHERE kind = 'note_returned'`)).rows[0].count);

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
    const team = await createTestTeam(database.owner, programId);
    const user = async (name: string, role: Role) => {
      const created = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role, teamId: team });
      ids[name] = created.id;
      as[name] = await signIn(app, created);
    };
    await user('author', 'specialist');
    await user('teammate', 'specialist');
    await user('supervisor', 'supervisor');
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [team, ids['supervisor']]);
    participantId = await createTestParticipant(database.owner, programId, { assignTo: ids['author'], firstName: 'Jordan', lastName: 'Returned' });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('tells the author who returned which note, linking to it, without the comment', async () => {
    const noteId = await createTestNote(database.owner, programId, participantId, ids['author'], 'submitted');
    await send('supervisor', `/notes/${noteId}/return`, { comment, version: 1 }).expect(200);

    const mine = await notifications('author');
    expect(mine.items).toEqual([
      expect.objectContaining({ kind: 'note_returned', actorName: 'Test supervisor', participantId, noteId, participantName: 'Jordan Returned', readAt: null }),
    ]);
    expect(mine.unread).toBe(1);
    expect(JSON.stringify(mine)).not.toContain(comment); // the comment stays on the note
    expect((await as['author'].agent.get('/api/v1/notifications/unread-count').expect(200)).body).toEqual({ unread: 1 });
    // It leads to the note, which the author can open and fix.
    const note = await as['author'].agent.get(`/api/v1/notes/${noteId}`).expect(200);
    expect(note.body).toMatchObject({ status: 'draft', returnComment: comment });
  });

  it('tells nobody else: not the supervisor who returned it, not a teammate', async () => {
    for (const who of ['supervisor', 'teammate']) {
      const { items } = await notifications(who);
      expect(items.filter((item: { kind: string }) => item.kind === 'note_returned')).toEqual([]);
    }
  });

  it('sends nothing when the return is refused (wrong person, stale version, not submitted)', async () => {
    const noteId = await createTestNote(database.owner, programId, participantId, ids['author'], 'submitted');
    const before = await returnedNotices();
    await send('teammate', `/notes/${noteId}/return`, { comment, version: 1 }).expect(403);
    await send('supervisor', `/notes/${noteId}/return`, { comment, version: 7 }).expect(409);
    const draft = await createTestNote(database.owner, programId, participantId, ids['author'], 'draft');
    await send('supervisor', `/notes/${draft}/return`, { comment, version: 1 }).expect(409);
    expect(await returnedNotices()).toBe(before);
  });

  it('leaves the participant and the note out once the participant is no longer in the author’s care team', async () => {
    const noteId = await createTestNote(database.owner, programId, participantId, ids['author'], 'submitted');
    await send('supervisor', `/notes/${noteId}/return`, { comment, version: 1 }).expect(200);
    await database.owner.query(`UPDATE care_assignments SET ends_on = starts_on WHERE participant_id = $1`, [participantId]);
    const { items } = await notifications('author');
    const latest = items.find((item: { kind: string }) => item.kind === 'note_returned');
    expect(latest).toMatchObject({ participantId: null, noteId: null, participantName: null });
  });
});
