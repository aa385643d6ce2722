import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@waypoint/api-config';
import { createTestDatabase, createTestProgram, createTestUser, testConfig, type TestDatabase } from '@waypoint/api-testing';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

describe('user administration', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  let admin: Awaited<ReturnType<typeof signIn>>;
  const newUser = (role: 'specialist' | 'admin' | 'supervisor' = 'specialist', inProgram = programId) =>
    createTestUser(database.owner, config.secrets.encryptionKey, { programId: inProgram, role });
  const post = (path: string, body?: object) => admin.agent.post(path).set('X-CSRF-Token', admin.csrf).send(body);

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
    admin = await signIn(app, await newUser('admin'));
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('invites a user with a one-time temporary password that signs in and must enroll MFA', async () => {
    const created = await post('/api/v1/users', { email: 'new.peer@tests.waypoint.test', displayName: 'New Peer', role: 'specialist' }).expect(201);
    expect(created.body.user).toMatchObject({ email: 'new.peer@tests.waypoint.test', role: 'specialist', status: 'active', mfaEnrolled: false, version: 1 });
    expect(JSON.stringify(created.body.user)).not.toMatch(/hash|secret/i);
    const first = await request(app.getHttpServer())
      .post('/api/v1/auth/sign-in')
      .send({ email: 'new.peer@tests.waypoint.test', password: created.body.temporaryPassword })
      .expect(200);
    expect(first.body).toEqual({ next: 'mfa-enrollment' });
    await post('/api/v1/users', { email: 'NEW.PEER@tests.waypoint.test', displayName: 'Again', role: 'specialist' }).expect(409);
  });

  it('refuses mass assignment and unknown roles', async () => {
    const response = await post('/api/v1/users', { email: 'x@tests.waypoint.test', displayName: 'X', role: 'root', status: 'active', programId });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.errors).sort()).toEqual(['programId', 'role', 'status']);
  });

  it('updates with optimistic locking: a stale version gets 409 and changes nothing', async () => {
    const user = await newUser();
    const ok = await admin.agent.patch(`/api/v1/users/${user.id}`).set('X-CSRF-Token', admin.csrf).send({ displayName: 'Renamed', version: 1 }).expect(200);
    expect(ok.body).toMatchObject({ displayName: 'Renamed', version: 2 });
    const stale = await admin.agent.patch(`/api/v1/users/${user.id}`).set('X-CSRF-Token', admin.csrf).send({ displayName: 'Lost update', version: 1 });
    expect(stale.status).toBe(409);
    expect((await admin.agent.get(`/api/v1/users/${user.id}`)).body.displayName).toBe('Renamed');
  });

  it('changing a user’s role ends their open sessions, so the new role applies at once', async () => {
    const user = await newUser();
    const session = await signIn(app, user);
    await session.agent.get('/api/v1/auth/me').expect(200);
    const changed = await admin.agent.patch(`/api/v1/users/${user.id}`).set('X-CSRF-Token', admin.csrf).send({ role: 'supervisor', version: 1 }).expect(200);
    expect(changed.body.role).toBe('supervisor');
    await session.agent.get('/api/v1/auth/me').expect(401);
  });

  it('disabling a user ends their open session at once', async () => {
    const user = await newUser();
    const session = await signIn(app, user);
    await session.agent.get('/api/v1/auth/me').expect(200);
    const disabled = await post(`/api/v1/users/${user.id}/disable`).expect(200);
    expect(disabled.body.status).toBe('disabled');
    await session.agent.get('/api/v1/auth/me').expect(401);
  });

  it('sign out everywhere and MFA reset end every session of the user', async () => {
    const user = await newUser();
    const laptop = await signIn(app, user);
    const phone = await signIn(app, user, 1);
    await post(`/api/v1/users/${user.id}/sign-out-everywhere`).expect(200);
    await laptop.agent.get('/api/v1/auth/me').expect(401);
    await phone.agent.get('/api/v1/auth/me').expect(401);
    const reset = await post(`/api/v1/users/${user.id}/reset-mfa`).expect(200);
    expect(reset.body.mfaEnrolled).toBe(false);
  });

  it('pages through users with a keyset cursor', async () => {
    for (let i = 0; i < 3; i++) await newUser();
    const first = await admin.agent.get('/api/v1/users?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await admin.agent.get(`/api/v1/users?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[1].id);
    await admin.agent.get('/api/v1/users?limit=500').expect(400);
    await admin.agent.get('/api/v1/users?cursor=garbage').expect(400);
  });

  it('never reaches another program: its users are 404', async () => {
    const otherProgram = await createTestProgram(database.owner);
    const stranger = await newUser('specialist', otherProgram);
    await admin.agent.get(`/api/v1/users/${stranger.id}`).expect(404);
    await post(`/api/v1/users/${stranger.id}/disable`).expect(404);
    const listed = await admin.agent.get('/api/v1/users?limit=100');
    expect(listed.body.items.map((u: { id: string }) => u.id)).not.toContain(stranger.id);
  });

  it('keeps an admin from disabling themselves', async () => {
    const me = await admin.agent.get('/api/v1/auth/me');
    await post(`/api/v1/users/${me.body.user.id}/disable`).expect(409);
  });

  it('changes a password only with the current one, refuses a common one, and ends other sessions', async () => {
    const user = await newUser();
    const here = await signIn(app, user);
    const elsewhere = await signIn(app, user, 1);
    const change = (body: object) => here.agent.post('/api/v1/auth/password').set('X-CSRF-Token', here.csrf).send(body);
    const wrong = await change({ currentPassword: 'not my password', newPassword: 'a fresh long passphrase 42' }).expect(400);
    expect(wrong.body.errors.currentPassword).toEqual(['The current password is not right.']);
    const common = await change({ currentPassword: user.password, newPassword: 'password1234' }).expect(400);
    expect(common.body.errors.newPassword[0]).toMatch(/too common/);
    await change({ currentPassword: user.password, newPassword: 'a fresh long passphrase 42' }).expect(204);
    await here.agent.get('/api/v1/auth/me').expect(200);
    await elsewhere.agent.get('/api/v1/auth/me').expect(401);
  });
});
