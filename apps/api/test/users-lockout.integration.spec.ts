import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@waypoint/api-config';
import { createTestDatabase, createTestProgram, createTestUser, testConfig, type TestDatabase, type TestUser } from '@waypoint/api-testing';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

type Session = Awaited<ReturnType<typeof signIn>>;

/**
 * A user locked out by failed sign-ins is shown as locked (with when it ends), and an admin of
 * their program can end the lockout early, on the record.
 */
describe('user lockout: shown and ended by an admin', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  let admin: Session;
  let specialist: Session;
  let foreignAdmin: Session;
  const newUser = (role: 'specialist' | 'admin', inProgram = programId) => createTestUser(database.owner, config.secrets.encryptionKey, { programId: inProgram, role });
  const post = (session: Session, path: string, body?: object) => session.agent.post(`/api/v1${path}`).set('X-CSRF-Token', session.csrf).send(body);
  const attempt = (user: TestUser, password: string) => request(app.getHttpServer()).post('/api/v1/auth/sign-in').send({ email: user.email, password });

  /** Six wrong passwords in a row, as someone guessing would: the account locks. */
  async function lockOut(user: TestUser): Promise<void> {
    for (let i = 0; i < 6; i++) await attempt(user, `wrong password number ${i}`).expect(401);
    await attempt(user, user.password).expect(401);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
    admin = await signIn(app, await newUser('admin'));
    specialist = await signIn(app, await newUser('specialist'));
    foreignAdmin = await signIn(app, await newUser('admin', await createTestProgram(database.owner)));
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('lists and shows a locked-out user with the end of the lockout; others have none', async () => {
    const locked = await newUser('specialist');
    const fine = await newUser('specialist');
    await lockOut(locked);
    const listed = await admin.agent.get('/api/v1/users?limit=100').expect(200);
    const byId = new Map<string, { lockedUntil: string | null; status: string }>(listed.body.items.map((u: { id: string }) => [u.id, u]));
    const until = Date.parse(byId.get(locked.id)?.lockedUntil ?? '');
    expect(until).toBeGreaterThan(Date.now() + 10 * 60_000); // 15 minutes from the 6th failure
    expect(byId.get(locked.id)?.status).toBe('active');
    expect(byId.get(fine.id)?.lockedUntil).toBeNull();
    const shown = await admin.agent.get(`/api/v1/users/${locked.id}`).expect(200);
    expect(Date.parse(shown.body.lockedUntil)).toBe(until);
    expect(JSON.stringify(shown.body)).not.toMatch(/failed/i); // the counter stays internal
  });

  it('does not report a lockout that has already ended', async () => {
    const user = await newUser('specialist');
    await database.owner.query(`UPDATE users SET locked_until = now() - interval '1 minute', failed_sign_ins = 6 WHERE id = $1`, [user.id]);
    expect((await admin.agent.get(`/api/v1/users/${user.id}`).expect(200)).body.lockedUntil).toBeNull();
  });

  it('lets an admin unlock: the lockout and failure count are cleared, the user signs in, and it is audited', async () => {
    const user = await newUser('specialist');
    await lockOut(user);
    const version = (await admin.agent.get(`/api/v1/users/${user.id}`).expect(200)).body.version;
    const unlocked = await post(admin, `/users/${user.id}/unlock`, { version }).expect(200);
    expect(unlocked.body).toMatchObject({ id: user.id, lockedUntil: null, status: 'active', version: version + 1 });
    const { rows } = await database.owner.query(`SELECT locked_until, failed_sign_ins FROM users WHERE id = $1`, [user.id]);
    expect(rows[0]).toEqual({ locked_until: null, failed_sign_ins: 0 });
    await signIn(app, user);
    const audit = await database.owner.query(`SELECT outcome, actor_role, resource_type FROM audit_events WHERE action = 'user.unlock' AND resource_id = $1`, [user.id]);
    expect(audit.rows).toEqual([{ outcome: 'success', actor_role: 'admin', resource_type: 'user' }]);
  });

  it('answers a stale version with 409 and the current one, and a bad version with 400, changing nothing', async () => {
    const user = await newUser('specialist');
    await lockOut(user);
    const stale = await post(admin, `/users/${user.id}/unlock`, { version: 99 }).expect(409);
    expect(stale.body).toMatchObject({ status: 409, currentVersion: 1 });
    for (const version of [undefined, 0, 2147483648]) await post(admin, `/users/${user.id}/unlock`, { version }).expect(400);
    const { rows } = await database.owner.query(`SELECT locked_until > now() AS locked FROM users WHERE id = $1`, [user.id]);
    expect(rows[0].locked).toBe(true);
  });

  it('refuses a specialist (403) and another program’s admin (404), and both stay on the record as refused', async () => {
    const user = await newUser('specialist');
    await lockOut(user);
    await post(specialist, `/users/${user.id}/unlock`, { version: 1 }).expect(403);
    await post(foreignAdmin, `/users/${user.id}/unlock`, { version: 1 }).expect(404);
    await post(admin, `/users/00000000-0000-4000-8000-000000000000/unlock`, { version: 1 }).expect(404);
    const { rows } = await database.owner.query(`SELECT locked_until > now() AS locked FROM users WHERE id = $1`, [user.id]);
    expect(rows[0].locked).toBe(true);
    const audit = await database.owner.query(`SELECT outcome FROM audit_events WHERE action = 'user.unlock' AND resource_id = $1`, [user.id]);
    expect(audit.rows).toEqual([{ outcome: 'denied' }]);
  });
});
