import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@waypoint/api-config';
import { signToken } from '@waypoint/api-auth';
import { createTestDatabase, createTestProgram, createTestUser, testConfig, type TestDatabase } from '@waypoint/api-testing';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { cookiesOf, signIn } from './auth.helpers';

describe('sessions: tokens, rotation, revocation, CSRF', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  const newUser = () => createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'specialist' });
  const me = (cookie: string) => request(app.getHttpServer()).get('/api/v1/auth/me').set('Cookie', cookie);

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

  it('rotates the refresh token on every use and revokes the session when an old one comes back', async () => {
    const user = await newUser();
    const session = await signIn(app, user);
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    const firstRefresh = session.cookies['wp_rt'].value;
    const rotated = await request(app.getHttpServer()).post('/api/v1/auth/refresh').set('Cookie', `wp_rt=${firstRefresh}`).expect(200);
    const next = cookiesOf(rotated);
    expect(next['wp_rt'].value).not.toBe(firstRefresh);
    await me(`wp_at=${next['wp_at'].value}`).expect(200);

    // The stolen first token is replayed: the whole session ends, including the fresh tokens.
    await request(app.getHttpServer()).post('/api/v1/auth/refresh').set('Cookie', `wp_rt=${firstRefresh}`).expect(401);
    await me(`wp_at=${next['wp_at'].value}`).expect(401);
    await request(app.getHttpServer()).post('/api/v1/auth/refresh').set('Cookie', `wp_rt=${next['wp_rt'].value}`).expect(401);
    const { rows } = await database.owner.query(`SELECT revoked_reason FROM auth_sessions WHERE user_id = (SELECT user_id FROM auth_sessions ORDER BY created_at DESC LIMIT 1)`);
    expect(rows.map((r) => r.revoked_reason)).toContain('refresh-token-reuse');
    // Recorded as a security event, once, naming the user.
    const events = warnings.mock.calls.map(([fields]) => fields).filter((fields) => fields?.securityEvent === 'auth.refresh-token-reuse');
    expect(events).toEqual([expect.objectContaining({ actorId: user.id })]);
    warnings.mockRestore();
  });

  it('refuses alg:none, a foreign signature, an expired token and an MFA challenge used as access', async () => {
    const user = await newUser();
    const session = await signIn(app, user);
    const { sub, sid } = jwt.decode(session.cookies['wp_at'].value) as { sub: string; sid: string };
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub, sid, pur: 'access', iss: 'waypoint', aud: 'waypoint-api', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await me(`wp_at=${header}.${payload}.`).expect(401);
    await me(`wp_at=${signToken('another-secret-that-is-long-enough-000', { sub, sid }, 600, 'access')}`).expect(401);
    const expired = jwt.sign({ sub, sid, pur: 'access' }, config.secrets.jwtSecret, { algorithm: 'HS256', expiresIn: -60, issuer: 'waypoint', audience: 'waypoint-api' });
    await me(`wp_at=${expired}`).expect(401);
    await me(`wp_at=${signToken(config.secrets.jwtSecret, { sub, sid }, 600, 'mfa')}`).expect(401);
    await me(`wp_at=${session.cookies['wp_at'].value}`).expect(200); // the real one still works
  });

  it('ends the session at sign-out (with its CSRF token) so the old cookie stops working', async () => {
    const session = await signIn(app, await newUser());
    await session.agent.post('/api/v1/auth/sign-out').expect(403); // no CSRF header
    await session.agent.post('/api/v1/auth/sign-out').set('X-CSRF-Token', 'forged-token-value').expect(403);
    await session.agent.post('/api/v1/auth/sign-out').set('X-CSRF-Token', session.csrf).expect(204);
    await me(`wp_at=${session.cookies['wp_at'].value}`).expect(401);
  });

  it('stops an open session at once when the account is disabled', async () => {
    const user = await newUser();
    const session = await signIn(app, user);
    await session.agent.get('/api/v1/auth/me').expect(200);
    await database.owner.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [user.id]);
    await session.agent.get('/api/v1/auth/me').expect(401);
  });

  it('ends the session after the idle timeout, enforced by the server', async () => {
    const session = await signIn(app, await newUser());
    await database.owner.query(`UPDATE auth_sessions SET idle_expires_at = now() - interval '1 second' WHERE id = (SELECT id FROM auth_sessions ORDER BY created_at DESC LIMIT 1)`);
    await session.agent.get('/api/v1/auth/me').expect(401);
  });

  it('ends the session at its absolute limit even while it is in use', async () => {
    const session = await signIn(app, await newUser());
    await database.owner.query(`UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE id = (SELECT id FROM auth_sessions ORDER BY created_at DESC LIMIT 1)`);
    await session.agent.get('/api/v1/auth/me').expect(401);
  });

  it('extends the idle deadline with use, writing at most every 30 seconds', async () => {
    const user = await newUser();
    const session = await signIn(app, user);
    const read = async () =>
      (await database.owner.query(`SELECT last_seen_at, idle_expires_at > now() + interval '14 minutes' AS extended FROM auth_sessions WHERE user_id = $1`, [user.id])).rows[0];
    const fresh = await read();
    await session.agent.get('/api/v1/auth/me').expect(200);
    expect((await read()).last_seen_at).toEqual(fresh.last_seen_at); // seen moments ago: no write

    await database.owner.query(
      `UPDATE auth_sessions SET last_seen_at = now() - interval '5 minutes', idle_expires_at = now() + interval '10 minutes' WHERE user_id = $1`,
      [user.id],
    );
    const me = await session.agent.get('/api/v1/auth/me').expect(200);
    expect((await read()).extended).toBe(true);
    expect(new Date(me.body.session.idleExpiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('lists one’s own sessions and ends another one, but never someone else’s', async () => {
    const user = await newUser();
    const laptop = await signIn(app, user);
    const phone = await signIn(app, user, 1);
    const list = await phone.agent.get('/api/v1/auth/sessions').expect(200);
    expect(list.body.items).toHaveLength(2);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    await phone.agent.delete(`/api/v1/auth/sessions/${other.id}`).set('X-CSRF-Token', phone.csrf).expect(204);
    await laptop.agent.get('/api/v1/auth/me').expect(401);

    const stranger = await signIn(app, await newUser());
    const mine = (await phone.agent.get('/api/v1/auth/sessions')).body.items[0].id;
    await stranger.agent.delete(`/api/v1/auth/sessions/${mine}`).set('X-CSRF-Token', stranger.csrf).expect(404);
    await stranger.agent.delete('/api/v1/auth/sessions/not-a-uuid').set('X-CSRF-Token', stranger.csrf).expect(400);
  });

  it('records ending a session and changing the password, and a wrong current password still counts toward the lockout', async () => {
    const user = await newUser();
    const laptop = await signIn(app, user);
    const phone = await signIn(app, user, 1);
    const other = (await phone.agent.get('/api/v1/auth/sessions')).body.items.find((s: { current: boolean }) => !s.current);
    await phone.agent.delete(`/api/v1/auth/sessions/${other.id}`).set('X-CSRF-Token', phone.csrf).expect(204);
    await laptop.agent.get('/api/v1/auth/me').expect(401);

    const change = (body: object) => phone.agent.post('/api/v1/auth/password').set('X-CSRF-Token', phone.csrf).send(body);
    await change({ currentPassword: 'not the password at all', newPassword: 'A brand new passphrase 2026' }).expect(400);
    const failures = await database.owner.query(`SELECT failed_sign_ins AS n FROM users WHERE id = $1`, [user.id]);
    expect(failures.rows[0].n).toBe(1);
    await change({ currentPassword: user.password, newPassword: 'A brand new passphrase 2026' }).expect(204);

    const { rows } = await database.owner.query(
      `SELECT action, outcome, resource_id AS "resourceId" FROM audit_events WHERE actor_id = $1 AND action IN ('auth.session-end', 'auth.password-change') ORDER BY id`,
      [user.id],
    );
    expect(rows).toEqual([
      { action: 'auth.session-end', outcome: 'success', resourceId: other.id },
      { action: 'auth.password-change', outcome: 'success', resourceId: user.id },
    ]);
  });
});
