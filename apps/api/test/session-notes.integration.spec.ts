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
import type { Role } from '@waypoint/shared-contracts';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

type Session = Awaited<ReturnType<typeof signIn>>;

const GIRP = { goal: 'Keep his MAT appointment', intervention: 'Drove over the route together', response: 'Felt less anxious about the bus', plan: 'Check in after the visit' };

/** Session notes (session-notes issue, items 1–4): units, idempotency, versions, lifecycle, scope. */
describe('session notes', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let programId: string;
  const as: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  /** A start time `daysAgo` days back at 10:00 UTC, so each test's notes fall on their own day. */
  const at = (daysAgo: number, minutes = 0) => `${day(-daysAgo)}T10:${String(minutes).padStart(2, '0')}:00.000Z`;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const send = (who: string, method: 'post' | 'patch', path: string, body: object, headers: Record<string, string> = {}) =>
    as[who].agent[method](`/api/v1${path}`).set('X-CSRF-Token', as[who].csrf).set(headers).send(body);
  const get = (who: string, path: string) => as[who].agent.get(`/api/v1${path}`);
  const note = (daysAgo: number, durationMinutes: number, extra: object = {}) => ({
    startedAt: at(daysAgo),
    durationMinutes,
    contactType: 'individual',
    modality: 'in_person',
    sections: GIRP,
    ...extra,
  });
  const noteCount = async () => Number((await database.owner.query(`SELECT count(*) FROM session_notes`)).rows[0].count);

  beforeAll(async () => {
    database = await createTestDatabase();
    // Not the default (3), so the overdue list is shown to follow the setting.
    const config = testConfig({ NOTE_DRAFT_OVERDUE_DAYS: '4' });
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
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [team, ids['supervisor']]);
    await database.owner.query(`UPDATE teams SET supervisor_id = $2 WHERE id = $1`, [otherTeam, ids['otherSupervisor']]);
    await database.owner.query(`UPDATE users SET credentials = 'CPRS' WHERE id = $1`, [ids['specialist']]);
    ids['own'] = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'], firstName: 'Marcus', lastName: 'Bell' });
    ids['second'] = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'] });
    ids['others'] = await createTestParticipant(database.owner, programId, { assignTo: ids['otherSpecialist'] });
    ids['goal'] = (await createTestGoal(database.owner, programId, ids['own'])).goalId;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('computes H0038 units from the times at every boundary, never from the client', async () => {
    const cases: [number, number][] = [
      [7, 0],
      [8, 1],
      [22, 1],
      [23, 2],
      [37, 2],
      [38, 3],
    ];
    // Units are never typed by hand: a body that carries them is refused.
    await send('specialist', 'post', `/participants/${ids['second']}/notes`, { ...note(39, 30), units: 99 }).expect(400);
    for (const [index, [minutes, units]] of cases.entries()) {
      const created = await send('specialist', 'post', `/participants/${ids['second']}/notes`, note(40 + index, minutes)).expect(201);
      expect([minutes, created.body.units, created.body.durationMinutes]).toEqual([minutes, units, minutes]);
      expect(created.body.billing).toMatchObject({ units, requested: units, capped: false });
    }
    // The same from an explicit end time; an attempted contact bills nothing; a group carries HQ.
    const byEnd = await send('specialist', 'post', `/participants/${ids['second']}/notes`, { ...note(50, 0), durationMinutes: undefined, endedAt: at(50, 23) }).expect(201);
    expect(byEnd.body.units).toBe(2);
    const attempted = await send('specialist', 'post', `/participants/${ids['second']}/notes`, note(51, 30, { contactType: 'attempted' })).expect(201);
    expect(attempted.body).toMatchObject({ units: 0, modifiers: [] });
    const group = await send('specialist', 'post', `/participants/${ids['second']}/notes`, note(52, 60, { contactType: 'group' })).expect(201);
    expect(group.body).toMatchObject({ units: 4, modifiers: ['HQ'] });
    expect((await get('specialist', '/notes/billing-rule').expect(200)).body).toEqual({
      code: 'H0038',
      unitMinutes: 15,
      roundingMinutes: 8,
      dailyCapUnits: 16,
      groupModifier: 'HQ',
      programModifier: null,
    });
  });

  it('caps a participant’s units per day and says by how much', async () => {
    const first = await send('specialist', 'post', `/participants/${ids['second']}/notes`, note(60, 225)).expect(201);
    expect(first.body.units).toBe(15);
    const second = await send('specialist', 'post', `/participants/${ids['second']}/notes`, note(60, 45)).expect(201);
    expect(second.body.units).toBe(1);
    expect(second.body.billing).toEqual({ units: 1, requested: 3, capped: true, over: 2, modifiers: [] });
    // Shortening the first frees units; the second keeps what it was given until it is saved again.
    const shorter = await send('specialist', 'patch', `/notes/${first.body.id}`, { durationMinutes: 30, version: 1 }).expect(200);
    expect(shorter.body.units).toBe(2);
    const again = await send('specialist', 'patch', `/notes/${second.body.id}`, { version: 1 }).expect(200);
    expect(again.body.units).toBe(3);
  });

  it('says on every read of a note what the daily cap did to it, so a long contact billed for little is explained', async () => {
    const participant = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'], lastName: 'Capped' });
    const first = await send('specialist', 'post', `/participants/${participant}/notes`, note(62, 195)).expect(201);
    const long = await send('specialist', 'post', `/participants/${participant}/notes`, note(62, 240)).expect(201);
    const attempted = await send('specialist', 'post', `/participants/${participant}/notes`, note(62, 30, { contactType: 'attempted' })).expect(201);
    // 195 minutes earn 13 units; 240 minutes earn 16, of which the cap of 16 leaves 3.
    const facts = (body: { units: number; unitsBeforeCap: number; cappedByDailyLimit: boolean }) => [body.units, body.unitsBeforeCap, body.cappedByDailyLimit];
    expect(facts((await get('specialist', `/notes/${first.body.id}`).expect(200)).body)).toEqual([13, 13, false]);
    expect(facts((await get('specialist', `/notes/${long.body.id}`).expect(200)).body)).toEqual([3, 16, true]);
    expect(facts((await get('specialist', `/notes/${attempted.body.id}`).expect(200)).body)).toEqual([0, 0, false]);
    // The same in the participant's list, the author's drafts and the answer to a save.
    const listed = (await get('specialist', `/participants/${participant}/notes`).expect(200)).body.items;
    expect(listed.find((item: { id: string }) => item.id === long.body.id)).toMatchObject({ unitsBeforeCap: 16, cappedByDailyLimit: true });
    const drafts = (await get('specialist', '/notes/mine').expect(200)).body.drafts;
    expect(drafts.find((item: { id: string }) => item.id === long.body.id)).toMatchObject({ unitsBeforeCap: 16, cappedByDailyLimit: true });
    expect(long.body).toMatchObject({ units: 3, unitsBeforeCap: 16, cappedByDailyLimit: true, dailyCapUnits: 16, billing: { requested: 16, capped: true } });
  });

  it('holds the cap when two notes for one participant and day are saved at once', async () => {
    const participant = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'], lastName: 'Race' });
    // 225 minutes earn 15 units each: together they would pass the cap of 16 if neither saw the other.
    const [first, second] = await Promise.all([
      send('specialist', 'post', `/participants/${participant}/notes`, note(64, 225)),
      send('specialist', 'post', `/participants/${participant}/notes`, note(64, 225)),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect([first.body.units, second.body.units].sort((a, b) => a - b)).toEqual([1, 15]);
  });

  it('makes one note from two submits with the same Idempotency-Key, even at once', async () => {
    const before = await noteCount();
    const key = { 'Idempotency-Key': 'retry-1f2e3d' };
    const first = await send('specialist', 'post', `/participants/${ids['own']}/notes`, note(3, 30), key).expect(201);
    const again = await send('specialist', 'post', `/participants/${ids['own']}/notes`, note(3, 30), key).expect(201);
    expect(again.body).toMatchObject({ id: first.body.id, replayed: true });
    const racing = await Promise.all([1, 2, 3].map(() => send('specialist', 'post', `/participants/${ids['own']}/notes`, note(4, 20), { 'Idempotency-Key': 'race-9a8b' })));
    expect(racing.map((response) => response.status)).toEqual([201, 201, 201]);
    expect(new Set(racing.map((response) => response.body.id)).size).toBe(1);
    expect((await noteCount()) - before).toBe(2);
    // The same key for another participant is a client bug, not a replay.
    await send('specialist', 'post', `/participants/${ids['second']}/notes`, note(3, 30), key).expect(409);
    await send('specialist', 'post', `/participants/${ids['own']}/notes`, note(3, 30), { 'Idempotency-Key': 'has space' }).expect(400);
    expect((await noteCount()) - before).toBe(2);
  });

  it('updates a draft with its version; a stale version is 409 with the current one', async () => {
    const created = await send('specialist', 'post', `/participants/${ids['own']}/notes`, note(5, 30, { goalIds: [ids['goal']], topics: ['housing'] })).expect(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, format: 'GIRP', sections: GIRP, goalIds: [ids['goal']], topics: ['housing'] });
    const changed = await send('specialist', 'patch', `/notes/${created.body.id}`, { location: 'Recovery cafe', version: 1 }).expect(200);
    expect(changed.body).toMatchObject({ location: 'Recovery cafe', version: 2 });
    const stale = await send('specialist', 'patch', `/notes/${created.body.id}`, { location: 'Library', version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ currentVersion: 2 });
    // The supervisor reads the note but does not write in it; a specialist of another team does not see it.
    await send('supervisor', 'patch', `/notes/${created.body.id}`, { location: 'x', version: 2 }).expect(403);
    await send('teammate', 'patch', `/notes/${created.body.id}`, { location: 'x', version: 2 }).expect(404);
    expect((await get('specialist', `/notes/${created.body.id}`).expect(200)).body.location).toBe('Recovery cafe');
  });

  it('walks draft → submitted → signed → co-signed, with returns and addenda, refusing what is not allowed', async () => {
    const empty = await send('specialist', 'post', `/participants/${ids['own']}/notes`, note(6, 30, { sections: { goal: 'Only a goal' }, followUpOn: day(7) })).expect(201);
    const id = empty.body.id as string;
    const submitFirst = await send('specialist', 'post', `/notes/${id}/submit`, { version: 1 }).expect(400);
    expect(submitFirst.body.detail).toContain('intervention, response, plan');
    await send('specialist', 'patch', `/notes/${id}`, { sections: GIRP, version: 1 }).expect(200);
    await send('specialist', 'post', `/notes/${id}/submit`, { version: 2 }).expect(200);
    await send('specialist', 'patch', `/notes/${id}`, { location: 'x', version: 3 }).expect(409);

    // The supervisor returns it with a comment; the author fixes it and signs.
    await send('teammate', 'post', `/notes/${id}/return`, { comment: 'Say what the plan is', version: 3 }).expect(403);
    await send('otherSupervisor', 'post', `/notes/${id}/return`, { comment: 'Say what the plan is', version: 3 }).expect(404);
    const returned = await send('supervisor', 'post', `/notes/${id}/return`, { comment: 'Say when the check-in is', version: 3 }).expect(200);
    expect(returned.body).toMatchObject({ status: 'draft', returnComment: 'Say when the check-in is', version: 4 });
    await send('specialist', 'patch', `/notes/${id}`, { sections: { ...GIRP, plan: 'Check in Friday after the visit' }, version: 4 }).expect(200);
    const signed = await send('specialist', 'post', `/notes/${id}/sign`, { version: 5 }).expect(200);
    expect(signed.body).toMatchObject({ status: 'signed', signedByCredential: 'CPRS', version: 6 });
    expect(signed.body.signedByName).toBe('Test specialist');
    expect(Date.parse(signed.body.signedAt)).toBeGreaterThan(Date.now() - 60_000);
    const task = await database.owner.query(`SELECT due_on::text, owner_id FROM tasks WHERE participant_id = $1 AND title LIKE 'Follow up (from the note of %'`, [ids['own']]);
    expect(task.rows).toEqual([{ due_on: day(7), owner_id: ids['specialist'] }]);

    // Locked: no edits, no return; corrections are addenda, by the author.
    await send('specialist', 'patch', `/notes/${id}`, { location: 'x', version: 6 }).expect(409);
    await send('supervisor', 'post', `/notes/${id}/return`, { comment: 'Too late', version: 6 }).expect(409);
    await expect(database.owner.query(`UPDATE session_notes SET sections = '{}' WHERE id = $1`, [id])).rejects.toThrow(/signed/);
    await send('supervisor', 'post', `/notes/${id}/addenda`, { reason: 'Not mine', body: 'x' }).expect(403);
    const amended = await send('specialist', 'post', `/notes/${id}/addenda`, { reason: 'Wrong clinic name', body: 'The clinic was Lakeside, not Lakeview.' }).expect(201);
    expect(amended.body.addenda).toEqual([expect.objectContaining({ reason: 'Wrong clinic name', body: 'The clinic was Lakeside, not Lakeview.' })]);

    // Co-signed by the team's supervisor only; a stale version is 409.
    await send('teammate', 'post', `/notes/${id}/cosign`, { version: 6 }).expect(403);
    await send('otherSupervisor', 'post', `/notes/${id}/cosign`, { version: 6 }).expect(404);
    await send('supervisor', 'post', `/notes/${id}/cosign`, { version: 5 }).expect(409);
    const cosigned = await send('supervisor', 'post', `/notes/${id}/cosign`, { version: 6 }).expect(200);
    expect(cosigned.body).toMatchObject({ status: 'cosigned', version: 7 });
    expect(cosigned.body.cosignedByName).toBe('Test supervisor');
    await send('supervisor', 'post', `/notes/${id}/cosign`, { version: 7 }).expect(409);
  });

  it('queues the team’s submitted and signed notes for the supervisor, oldest first, with counts, and co-signs in bulk', async () => {
    // A fresh participant, so this test's queue is its own.
    const participant = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'], lastName: 'Queue' });
    const write = async (daysAgo: number) => (await send('specialist', 'post', `/participants/${participant}/notes`, note(daysAgo, 30)).expect(201)).body;
    const [older, newer, third] = [await write(20), await write(19), await write(18)];
    await send('specialist', 'post', `/notes/${older.id}/sign`, { version: 1 }).expect(200);
    await send('specialist', 'post', `/notes/${newer.id}/submit`, { version: 1 }).expect(200);
    await send('specialist', 'post', `/notes/${third.id}/sign`, { version: 1 }).expect(200);
    const mineIn = (items: { id: string }[]) => items.filter((item) => [older.id, newer.id, third.id].includes(item.id)).map((item) => item.id);

    const queue = await get('supervisor', '/notes/cosign-queue').expect(200);
    expect(mineIn(queue.body.items)).toEqual([older.id, newer.id, third.id]);
    expect(queue.body.items.find((item: { id: string }) => item.id === older.id)).toMatchObject({ participantName: 'Test Queue', status: 'signed' });
    const awaitingInDb = await database.owner.query(`SELECT count(*)::int AS n FROM session_notes WHERE author_id = $1 AND status IN ('submitted', 'signed')`, [ids['specialist']]);
    expect(queue.body.counts).toEqual([expect.objectContaining({ authorId: ids['specialist'], awaiting: awaitingInDb.rows[0].n })]);
    expect((await get('otherSupervisor', '/notes/cosign-queue').expect(200)).body.items).toEqual([]);
    await get('specialist', '/notes/cosign-queue').expect(403);

    // Bulk: a stale one, another team's and a submitted one fail before the good one, which still goes through.
    const othersNote = (await send('otherSpecialist', 'post', `/participants/${ids['others']}/notes`, note(17, 30)).expect(201)).body;
    await send('otherSpecialist', 'post', `/notes/${othersNote.id}/sign`, { version: 1 }).expect(200);
    const bulk = await send('supervisor', 'post', '/notes/cosign', {
      notes: [
        { id: third.id, version: 1 },
        { id: othersNote.id, version: 2 },
        { id: newer.id, version: 2 },
        { id: older.id, version: 2 },
      ],
    }).expect(200);
    expect(bulk.body.cosigned.map((item: { id: string }) => item.id)).toEqual([older.id]);
    expect(bulk.body.failed).toEqual([
      { id: third.id, status: 409, detail: expect.stringContaining('version 2') },
      { id: othersNote.id, status: 404, detail: expect.any(String) },
      { id: newer.id, status: 409, detail: expect.stringContaining('submitted') },
    ]);
    expect((await database.owner.query(`SELECT status FROM session_notes WHERE id = $1`, [othersNote.id])).rows[0].status).toBe('signed');
    const statuses = await database.owner.query(`SELECT id, status FROM session_notes WHERE id = ANY($1::uuid[])`, [[older.id, newer.id, third.id]]);
    expect(Object.fromEntries(statuses.rows.map((row) => [row.id, row.status]))).toEqual({ [older.id]: 'cosigned', [newer.id]: 'submitted', [third.id]: 'signed' });
    await send('supervisor', 'post', '/notes/cosign', { notes: [] }).expect(400);
  });

  it('shows the author their returned notes first, then drafts, the overdue flagged', async () => {
    const participant = await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'], lastName: 'Mine' });
    const returned = (await send('specialist', 'post', `/participants/${participant}/notes`, note(2, 30)).expect(201)).body;
    await send('specialist', 'post', `/notes/${returned.id}/submit`, { version: 1 }).expect(200);
    await send('supervisor', 'post', `/notes/${returned.id}/return`, { comment: 'Add the plan for Friday', version: 2 }).expect(200);
    const fresh = (await send('specialist', 'post', `/participants/${participant}/notes`, note(1, 30)).expect(201)).body;
    const stale = (await send('specialist', 'post', `/participants/${participant}/notes`, note(1, 45)).expect(201)).body;
    const nearly = (await send('specialist', 'post', `/participants/${participant}/notes`, note(1, 50)).expect(201)).body;
    await database.owner.query(`UPDATE session_notes SET created_at = now() - interval '5 days' WHERE id = $1`, [stale.id]);
    // Overdue past NOTE_DRAFT_OVERDUE_DAYS (4 here): three and a half days is not yet.
    await database.owner.query(`UPDATE session_notes SET created_at = now() - interval '3 days 12 hours' WHERE id = $1`, [nearly.id]);

    const mine = (await get('specialist', '/notes/mine').expect(200)).body;
    expect(mine.draftOverdueDays).toBe(4);
    expect(mine.returned.map((item: { id: string }) => item.id)).toContain(returned.id);
    expect(mine.returned.find((item: { id: string }) => item.id === returned.id)).toMatchObject({ returnComment: 'Add the plan for Friday', status: 'draft' });
    const drafts = Object.fromEntries(mine.drafts.map((item: { id: string; overdue: boolean }) => [item.id, item.overdue]));
    expect([drafts[fresh.id], drafts[nearly.id], drafts[stale.id], drafts[returned.id]]).toEqual([false, false, true, undefined]);
    expect((await get('teammate', '/notes/mine').expect(200)).body).toMatchObject({ returned: [], drafts: [] });
  });

  it('records a group session as one note per attendee: shared intervention, own response, HQ, signed one by one', async () => {
    const attendees = [ids['own'], ids['second'], await createTestParticipant(database.owner, programId, { assignTo: ids['specialist'], lastName: 'Group' })];
    const group = {
      topic: 'Coping with holiday stress',
      startedAt: at(30),
      durationMinutes: 60,
      modality: 'in_person',
      location: 'Recovery cafe, back room',
      intervention: 'Led a sharing circle on holiday triggers; handed out the warmline card.',
      plan: 'Meet again next Thursday.',
      topics: ['triggers', 'family'],
      attendees: attendees.map((participantId, index) => ({ participantId, response: `  Attendee ${index + 1} named one trigger and one plan.\n` })),
    };
    const key = { 'Idempotency-Key': 'group-7c6d' };
    const created = await send('specialist', 'post', '/group-sessions', group, key).expect(201);
    expect(created.body).toMatchObject({ topic: 'Coping with holiday stress', facilitatorId: ids['specialist'] });
    expect(created.body.notes).toHaveLength(3);
    for (const note of created.body.notes) {
      expect(note).toMatchObject({ contactType: 'group', modifiers: ['HQ'], units: 4, status: 'draft', groupSessionId: created.body.id, location: 'Recovery cafe, back room' });
      expect(note.sections.intervention).toBe(group.intervention);
    }
    // Each note has its own response (trimmed), and names its participant.
    expect(created.body.notes.map((note: { sections: { response: string } }) => note.sections.response).sort()).toEqual([1, 2, 3].map((n) => `Attendee ${n} named one trigger and one plan.`));
    expect(created.body.notes.map((note: { participantName: string }) => note.participantName)).toContain('Marcus Bell');
    // A retried submit is the same session, not a second one.
    const again = await send('specialist', 'post', '/group-sessions', group, key).expect(201);
    expect(again.body).toMatchObject({ id: created.body.id, replayed: true });
    expect(Number((await database.owner.query(`SELECT count(*) FROM session_notes WHERE group_session_id = $1`, [created.body.id])).rows[0].count)).toBe(3);
    // Each attendee's note is completed and signed on its own (here the Goal section was left to each).
    const [first, second] = created.body.notes;
    await send('specialist', 'post', `/notes/${first.id}/sign`, { version: 1 }).expect(400);
    await send('specialist', 'patch', `/notes/${first.id}`, { sections: { ...first.sections, goal: 'Get through the holidays sober' }, version: 1 }).expect(200);
    await send('specialist', 'post', `/notes/${first.id}/sign`, { version: 2 }).expect(200);
    expect((await get('specialist', `/notes/${second.id}`).expect(200)).body.status).toBe('draft');
    expect((await get('specialist', `/group-sessions/${created.body.id}`).expect(200)).body.notes.map((note: { status: string }) => note.status).sort()).toEqual(['draft', 'draft', 'signed']);
    await get('otherSpecialist', `/group-sessions/${created.body.id}`).expect(404);
  });

  it('writes nothing for a group with an attendee outside the facilitator’s caseload, or a bad one', async () => {
    const before = Number((await database.owner.query(`SELECT count(*) FROM group_sessions`)).rows[0].count);
    const notesBefore = await noteCount();
    const group = (attendees: object[]) => ({ topic: 'Check-in', startedAt: at(31), durationMinutes: 45, modality: 'video', intervention: 'Check-in round', attendees });
    await send('specialist', 'post', '/group-sessions', group([{ participantId: ids['own'] }, { participantId: ids['others'] }])).expect(404);
    await send('specialist', 'post', '/group-sessions', group([])).expect(400);
    await send('specialist', 'post', '/group-sessions', group([{ participantId: ids['own'] }, { participantId: ids['own'] }])).expect(400);
    await send('specialist', 'post', '/group-sessions', { ...group([{ participantId: ids['own'] }]), intervention: '' }).expect(400);
    expect(Number((await database.owner.query(`SELECT count(*) FROM group_sessions`)).rows[0].count)).toBe(before);
    expect(await noteCount()).toBe(notesBefore);
  });

  it('keeps the risk check, naloxone and “reviewed with participant” as written, and clears the detail', async () => {
    const created = await send(
      'specialist',
      'post',
      `/participants/${ids['own']}/notes`,
      note(8, 30, { riskConcern: true, riskDetail: '  Talked about using after the eviction notice.  ', naloxoneProvided: true }),
    ).expect(201);
    expect(created.body).toMatchObject({ riskConcern: true, riskDetail: 'Talked about using after the eviction notice.', naloxoneProvided: true, reviewedWithParticipant: false });
    const reviewed = await send('specialist', 'patch', `/notes/${created.body.id}`, { reviewedWithParticipant: true, riskConcern: false, riskDetail: '', version: 1 }).expect(200);
    expect(reviewed.body).toMatchObject({ reviewedWithParticipant: true, riskConcern: false, riskDetail: null, naloxoneProvided: true });
    expect((await get('specialist', `/notes/${created.body.id}`).expect(200)).body).toMatchObject({ reviewedWithParticipant: true, riskDetail: null, naloxoneProvided: true });
    await send('specialist', 'patch', `/notes/${created.body.id}`, { riskConcern: 'maybe', version: 2 }).expect(400);
  });

  it('lets nobody co-sign their own note', async () => {
    const own = await send('supervisor', 'post', `/participants/${ids['own']}/notes`, note(8, 30)).expect(201);
    await send('supervisor', 'post', `/notes/${own.body.id}/sign`, { version: 1 }).expect(200);
    await send('supervisor', 'post', `/notes/${own.body.id}/cosign`, { version: 2 }).expect(403);
  });

  it('lists a participant’s notes newest first, by keyset, and hides other teams’ notes', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; startedAt: string }[]; nextCursor: string | null } } = await get(
        'specialist',
        `/participants/${ids['own']}/notes?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      ).expect(200);
      seen.push(...page.body.items.map((item) => item.startedAt));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect([...seen].sort().reverse()).toEqual(seen);
    const mine = (await get('specialist', `/participants/${ids['own']}/notes`).expect(200)).body.items[0].id;
    await get('otherSpecialist', `/notes/${mine}`).expect(404);
    await get('otherSpecialist', `/participants/${ids['own']}/notes`).expect(404);
    await send('otherSpecialist', 'patch', `/notes/${mine}`, { location: 'x', version: 1 }).expect(404);
    await get('specialist', `/participants/${ids['own']}/notes?cursor=bm90LWEtY3Vyc29y`).expect(400);
  });

  it('refuses bad notes with a problem response and writes nothing', async () => {
    const before = await noteCount();
    const bad = [
      note(9, 30, { endedAt: at(10), durationMinutes: undefined }),
      note(9, 0),
      note(9, 800),
      note(-2, 30),
      note(9, 30, { sections: { goal: 'x', data: 'DAP only' } }),
      note(9, 30, { sections: { goal: 42 } }),
      note(9, 30, { goalIds: ['00000000-0000-4000-8000-000000000000'] }),
      note(9, 30, { topics: ['astrology'] }),
      note(9, 30, { contactType: 'telepathy' }),
      note(9, 30, { sections: { goal: 'x'.repeat(4001) } }),
      { ...note(9, 30), startedAt: 'yesterday' },
      // A new note names its start, contact type and modality.
      { ...note(9, 30), startedAt: undefined },
      { ...note(9, 30), contactType: undefined },
      { ...note(9, 30), modality: undefined },
    ];
    for (const body of bad) {
      const response = await send('specialist', 'post', `/participants/${ids['own']}/notes`, body);
      expect([response.status, response.headers['content-type']]).toEqual([400, expect.stringContaining('application/problem+json')]);
    }
    const missing = await send('specialist', 'post', `/participants/${ids['own']}/notes`, { ...note(9, 30), startedAt: undefined }).expect(400);
    expect(JSON.stringify(missing.body)).toContain('startedAt');
    await send('specialist', 'post', `/participants/${ids['others']}/notes`, note(9, 30)).expect(404);
    expect(await noteCount()).toBe(before);
  });
});
