import type { NestExpressApplication } from '@nestjs/platform-express';
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

type Session = Awaited<ReturnType<typeof signIn>>;
interface Entry {
  id: string;
  kind: string;
  sourceId: string;
  on: string;
  recordedAt: string;
  byName: string | null;
  [field: string]: unknown;
}

/** A participant's timeline (participants issue, item 4): one feed, newest first, paginated. */
describe('participant timeline', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let programId: string;
  let specialist: Session;
  let specialistName: string;
  let userId: string;
  let goalId: string;
  const ids: Record<string, string> = {};
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const timeline = (query = '', id = ids['own']) => specialist.agent.get(`/api/v1/participants/${id}/timeline${query}`);

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    const owner = database.owner;
    programId = await createTestProgram(owner);
    const team = await createTestTeam(owner, programId);
    const otherTeam = await createTestTeam(owner, programId);
    const user = await createTestUser(owner, config.secrets.encryptionKey, { programId, role: 'specialist', teamId: team });
    const other = await createTestUser(owner, config.secrets.encryptionKey, { programId, role: 'specialist', teamId: otherTeam });
    specialistName = (await owner.query(`SELECT display_name FROM users WHERE id = $1`, [user.id])).rows[0].display_name;
    userId = user.id;
    specialist = await signIn(app, user);
    ids['own'] = await createTestParticipant(owner, programId, { assignTo: user.id, firstName: 'Marcus', lastName: 'Bell' });
    ids['others'] = await createTestParticipant(owner, programId, { assignTo: other.id });
    ids['quiet'] = await createTestParticipant(owner, programId, { assignTo: user.id });

    // One of each kind, on distinct days (newest first: task, safety, progress, BARC-10, goal status, status change).
    await owner.query(
      `INSERT INTO participant_status_changes (program_id, participant_id, from_status, to_status, effective_on, reason, changed_by)
       VALUES ($1, $2, 'referred', 'active', current_date - 10, 'First meeting went well', $3)`,
      [programId, ids['own'], user.id],
    );
    goalId = (await createTestGoal(owner, programId, ids['own'])).goalId;
    const achieved = await createTestGoal(owner, programId, ids['own']);
    await owner.query(`UPDATE goals SET status = 'achieved', status_changed_on = current_date - 8 WHERE id = $1`, [achieved.goalId]);
    await owner.query(
      `INSERT INTO assessments (program_id, participant_id, taken_on, answers, recorded_by) VALUES ($1, $2, current_date - 6, '{4,4,4,4,4,4,4,4,4,5}', $3)`,
      [programId, ids['own'], user.id],
    );
    await owner.query(`INSERT INTO goal_progress (program_id, goal_id, recorded_on, rating, comment, recorded_by) VALUES ($1, $2, current_date - 4, 7, 'Toured two houses', $3)`, [
      programId,
      goalId,
      user.id,
    ]);
    await owner.query(
      `INSERT INTO safety_events (program_id, participant_id, kind, occurred_on, description, follow_up, recorded_by)
       VALUES ($1, $2, 'crisis', current_date - 2, 'Hard night after a family call', 'Check in tomorrow', $3)`,
      [programId, ids['own'], user.id],
    );
    await owner.query(
      `INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on, done_at) VALUES
         ($1, $2, $3, 'Call about the lease', current_date, now()), ($1, $2, $3, 'Still open', current_date + 3, NULL)`,
      [programId, ids['own'], user.id],
    );
    // Many entries on one day, to page through ties on the date.
    await owner.query(
      `INSERT INTO goal_progress (program_id, goal_id, recorded_on, rating, recorded_by)
       SELECT $1, $2, current_date - 30, n % 11, $3 FROM generate_series(1, 12) n`,
      [programId, goalId, user.id],
    );
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('merges every kind of entry into one feed, newest first, with who recorded it', async () => {
    const { body } = await timeline('?limit=9').expect(200);
    const entries: Entry[] = body.items;
    expect(entries.map((entry) => [entry.kind, entry.on])).toEqual([
      ['task-done', day(0)],
      ['goal-created', day(0)],
      ['goal-created', day(0)],
      ['safety-event', day(-2)],
      ['goal-progress', day(-4)],
      ['assessment', day(-6)],
      ['goal-status', day(-8)],
      ['status-change', day(-10)],
      ['goal-progress', day(-30)],
    ]);
    const byKind = (kind: string) => entries.find((entry) => entry.kind === kind) as Entry;
    expect(byKind('status-change')).toMatchObject({ fromStatus: 'referred', toStatus: 'active', reason: 'First meeting went well', byName: specialistName });
    expect(byKind('goal-progress')).toMatchObject({ goalId, dimension: 'home', statement: 'Find a sober living place near work', rating: 7, comment: 'Toured two houses' });
    expect(byKind('assessment')).toMatchObject({ total: 41, byName: specialistName });
    expect(byKind('safety-event')).toMatchObject({ safetyKind: 'crisis', description: 'Hard night after a family call', followUp: 'Check in tomorrow' });
    expect(byKind('goal-status')).toMatchObject({ status: 'achieved', byName: null });
    expect(byKind('task-done')).toMatchObject({ title: 'Call about the lease' });
    expect(entries.some((entry) => entry['title'] === 'Still open')).toBe(false);
    for (const entry of entries) {
      expect(entry.id).toBe(`${entry.kind}:${entry.sourceId}`);
      expect(new Date(entry.recordedAt).toString()).not.toBe('Invalid Date');
    }
  });

  it('pages through the whole feed with a cursor, ties on one day included, without gaps or repeats', async () => {
    const whole: Entry[] = (await timeline('?limit=100').expect(200)).body.items;
    expect(whole).toHaveLength(20);
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = `?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body: { items: Entry[]; nextCursor: string | null } = (await timeline(query).expect(200)).body;
      paged.push(...body.items.map((entry) => entry.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(paged).toEqual(whole.map((entry) => entry.id));
  });

  it('narrows to chosen kinds, in either query form', async () => {
    const kinds = async (query: string) => new Set(((await timeline(query).expect(200)).body.items as Entry[]).map((entry) => entry.kind));
    expect(await kinds('?kinds=assessment,safety-event')).toEqual(new Set(['assessment', 'safety-event']));
    expect(await kinds('?kinds=status-change&kinds=task-done')).toEqual(new Set(['status-change', 'task-done']));
  });

  it('shows an empty feed for someone with nothing recorded yet', async () => {
    const { body } = await timeline('', ids['quiet']).expect(200);
    expect(body).toEqual({ items: [], nextCursor: null });
  });

  it('refuses bad input with a problem response and hides other teams’ participants', async () => {
    for (const query of ['?kinds=notes', '?limit=0', '?limit=101', '?cursor=not-a-cursor']) {
      const response = await timeline(query).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    // A cursor that decodes but holds an impossible date is a 400, never a SQL error.
    const forged = (on: string, at: string) => Buffer.from(JSON.stringify({ on, at, kind: 'assessment', id: ids['own'] })).toString('base64url');
    await timeline(`?cursor=${forged('2026-02-30', '2026-02-01T00:00:00.000000Z')}`).expect(400);
    await timeline(`?cursor=${forged('2026-02-01', '2026-13-01T00:00:00.000000Z')}`).expect(400);
    await timeline('', ids['others']).expect(404);
    await timeline('', '00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('shows session notes, drafts included, with their length, units and status', async () => {
    const person = await createTestParticipant(database.owner, programId, { assignTo: userId });
    await database.owner.query(
      `INSERT INTO session_notes (program_id, participant_id, author_id, started_at, ended_at, contact_type, modality, units, status)
       VALUES ($1, $2, $3, now() - interval '3 days', now() - interval '3 days' + interval '38 minutes', 'individual', 'phone', 3, 'draft')`,
      [programId, person, userId],
    );
    const { body } = await timeline('?kinds=session-note', person).expect(200);
    expect(body.items).toEqual([
      expect.objectContaining({ kind: 'session-note', contactType: 'individual', modality: 'phone', durationMinutes: 38, units: 3, status: 'draft', byName: specialistName }),
    ]);
  });
});
