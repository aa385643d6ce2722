import type { NestExpressApplication } from '@nestjs/platform-express';
import { hash } from '@node-rs/argon2';
import type { AppConfig } from '@waypoint/api-config';
import { currentTotpCode } from '@waypoint/api-credentials';
import { createTestDatabase, createTestProgram, createTestUser, testConfig, type TestDatabase } from '@waypoint/api-testing';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { cookiesOf, signIn } from './auth.helpers';

describe('sign-in: password, then a second factor', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  const newUser = (role: 'specialist' | 'admin' = 'specialist', mfa = true) =>
    createTestUser(database.owner, config.secrets.encryptionKey, { programId, role, mfa });

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('issues HttpOnly, SameSite=Strict session cookies only after the TOTP code, and no token in any body', async () => {
    const user = await newUser();
    const agent = request.agent(app.getHttpServer());
    const password = await agent.post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
    expect(password.body).toEqual({ next: 'mfa' });
    expect(Object.keys(cookiesOf(password))).toEqual(['wp_mfa']);
    await agent.get('/api/v1/auth/me').expect(401); // no session before the second factor

    const verified = await agent.post('/api/v1/auth/mfa/verify').send({ code: user.code() }).expect(200);
    const cookies = cookiesOf(verified);
    expect(cookies['wp_at'].attributes).toMatch(/HttpOnly/);
    expect(cookies['wp_at'].attributes).toMatch(/SameSite=Strict/);
    expect(cookies['wp_rt'].attributes).toMatch(/Path=\/api\/v1\/auth/);
    expect(cookies['wp_csrf'].attributes).not.toMatch(/HttpOnly/); // the one value script may read
    expect(JSON.stringify(verified.body)).not.toContain(cookies['wp_at'].value);
    expect(JSON.stringify(verified.body)).not.toMatch(/password|secret|hash/i);

    const me = await agent.get('/api/v1/auth/me').expect(200);
    expect(me.body.user).toMatchObject({ id: user.id, role: 'specialist', permissions: expect.arrayContaining(['participants:read']) });
  });

  it('answers an unknown email exactly as a wrong password', async () => {
    const user = await newUser();
    const wrong = await request(app.getHttpServer()).post('/api/v1/auth/sign-in').send({ email: user.email, password: 'not the right one at all' });
    const unknown = await request(app.getHttpServer()).post('/api/v1/auth/sign-in').send({ email: 'nobody@tests.waypoint.test', password: 'not the right one at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
  });

  it('refuses a replayed TOTP code', async () => {
    const user = await newUser();
    const code = user.code();
    const first = request.agent(app.getHttpServer());
    await first.post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
    await first.post('/api/v1/auth/mfa/verify').send({ code }).expect(200);
    const second = request.agent(app.getHttpServer());
    await second.post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
    await second.post('/api/v1/auth/mfa/verify').send({ code }).expect(401);
  });

  it('locks the account at the 6th wrong password in a row, even against the right one', async () => {
    const user = await newUser();
    const attempt = (password: string) => request(app.getHttpServer()).post('/api/v1/auth/sign-in').send({ email: user.email, password });
    for (let i = 0; i < 5; i++) await attempt(`wrong password number ${i}`).expect(401);
    const { rows: before } = await database.owner.query('SELECT locked_until FROM users WHERE id = $1', [user.id]);
    expect(before[0].locked_until).toBeNull();
    await attempt('wrong password number 6').expect(401);
    await attempt(user.password).expect(401);
    const { rows } = await database.owner.query(`SELECT locked_until > now() + interval '10 minutes' AS locked FROM users WHERE id = $1`, [user.id]);
    expect(rows[0].locked).toBe(true);
  });

  it('upgrades a hash made with weaker argon2 parameters at the next sign-in', async () => {
    const user = await newUser();
    const weak = await hash(user.password, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await database.owner.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, weak]);
    await request(app.getHttpServer()).post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
    const { rows } = await database.owner.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    expect(rows[0].password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    await request(app.getHttpServer()).post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
  });

  it('never signs in a disabled account', async () => {
    const user = await newUser();
    await database.owner.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [user.id]);
    await request(app.getHttpServer()).post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(401);
  });

  it('enrolls MFA on first sign-in and hands out ten single-use recovery codes', async () => {
    const user = await newUser('admin', false);
    const agent = request.agent(app.getHttpServer());
    const step = await agent.post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
    expect(step.body).toEqual({ next: 'mfa-enrollment' });
    const enrollment = await agent.post('/api/v1/auth/mfa/enrollment').expect(200);
    expect(enrollment.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Waypoint:/);
    expect(enrollment.body.qrSvg).toMatch(/^<svg/);
    const verified = await agent.post('/api/v1/auth/mfa/verify').send({ code: currentTotpCode(enrollment.body.secret) }).expect(200);
    expect(verified.body.recoveryCodes).toHaveLength(10);

    const withRecovery = async () => {
      const next = request.agent(app.getHttpServer());
      await next.post('/api/v1/auth/sign-in').send({ email: user.email, password: user.password }).expect(200);
      return next.post('/api/v1/auth/mfa/verify').send({ recoveryCode: verified.body.recoveryCodes[0] });
    };
    expect((await withRecovery()).status).toBe(200);
    expect((await withRecovery()).status).toBe(401); // used once, gone
    await agent.post('/api/v1/auth/mfa/enrollment').expect(401); // the challenge was spent
  });

  it('refuses a second factor without a password step', async () => {
    const user = await newUser();
    await request(app.getHttpServer()).post('/api/v1/auth/mfa/verify').send({ code: user.code() }).expect(401);
  });

  it('signs a user in with the shared helper (sanity check of the fixtures)', async () => {
    const session = await signIn(app, await newUser());
    expect(session.csrf.length).toBeGreaterThan(20);
  });
});

describe('sign-in throttling per client address', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp(testConfig({ SIGN_IN_REQUESTS_PER_MINUTE: '5' }), database.appUrl);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('answers 429 with Retry-After once an address exceeds the limit, counted in PostgreSQL', async () => {
    const attempt = () => request(app.getHttpServer()).post('/api/v1/auth/sign-in').send({ email: 'someone@tests.waypoint.test', password: 'guess guess guess' });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const { rows } = await database.owner.query(`SELECT max(hits)::int AS hits FROM rate_limits`);
    expect(rows[0].hits).toBe(6);
  });
});
