import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@waypoint/api-config';
import { createTestDatabase, createTestProgram, createTestUser, testConfig, type TestDatabase } from '@waypoint/api-testing';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

describe('personal API tokens', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let programId: string;
  let admin: Awaited<ReturnType<typeof signIn>>;
  const bearer = (token: string, path: string) => request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`);
  const issue = async (userId: string) =>
    (await admin.agent.post('/api/v1/api-tokens').set('X-CSRF-Token', admin.csrf).send({ userId, name: 'Export script', expiresInDays: 30 }).expect(201)).body;

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    programId = await createTestProgram(database.owner);
    admin = await signIn(app, await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'admin' }));
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('authenticates a script by Bearer token, stores only its hash, and stops at revocation', async () => {
    const owner = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'admin' });
    const issued = await issue(owner.id);
    expect(issued.token).toMatch(/^wpt_[A-Za-z0-9_-]{43}$/);
    const { rows } = await database.owner.query(`SELECT token_hash FROM api_tokens WHERE id = $1`, [issued.id]);
    expect(rows[0].token_hash).not.toContain(issued.token.slice(4));
    await bearer(issued.token, '/api/v1/users').expect(200);

    await admin.agent.post(`/api/v1/api-tokens/${issued.id}/revoke`).set('X-CSRF-Token', admin.csrf).expect(204);
    await bearer(issued.token, '/api/v1/users').expect(401);
  });

  it('records when a token was last used, writing the row at most once a minute', async () => {
    const owner = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'admin' });
    const issued = await issue(owner.id);
    const lastUsed = async () => (await database.owner.query(`SELECT last_used_at FROM api_tokens WHERE id = $1`, [issued.id])).rows[0].last_used_at as Date | null;
    expect(await lastUsed()).toBeNull();
    await bearer(issued.token, '/api/v1/users').expect(200);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await bearer(issued.token, '/api/v1/users').expect(200);
    expect(await lastUsed()).toEqual(first);
    await database.owner.query(`UPDATE api_tokens SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [issued.id]);
    const stale = await lastUsed();
    await bearer(issued.token, '/api/v1/users').expect(200);
    expect((await lastUsed())?.getTime()).toBeGreaterThan(stale?.getTime() ?? Number.POSITIVE_INFINITY);
  });

  it('limits a token to its role and never lets it manage sessions', async () => {
    const specialist = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'specialist' });
    const { token } = await issue(specialist.id);
    await bearer(token, '/api/v1/users').expect(403);
    await bearer(token, '/api/v1/auth/sessions').expect(403);
  });

  it('refuses unknown, malformed and disabled-user tokens', async () => {
    const user = await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role: 'admin' });
    const { token } = await issue(user.id);
    await bearer('wpt_not-a-real-token', '/api/v1/users').expect(401);
    await bearer('something-else', '/api/v1/users').expect(401);
    await database.owner.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [user.id]);
    await bearer(token, '/api/v1/users').expect(401);
  });

  it('issues tokens only for users of the admin’s own program', async () => {
    const other = await createTestUser(database.owner, config.secrets.encryptionKey, { programId: await createTestProgram(database.owner), role: 'admin' });
    await admin.agent.post('/api/v1/api-tokens').set('X-CSRF-Token', admin.csrf).send({ userId: other.id, name: 'x', expiresInDays: 1 }).expect(404);
    await admin.agent.post('/api/v1/api-tokens').set('X-CSRF-Token', admin.csrf).send({ userId: other.id, name: 'x', expiresInDays: 999 }).expect(400);
  });
});
