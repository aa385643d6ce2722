import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, testConfig, type TestDatabase } from '@waypoint/api-testing';
import request from 'supertest';
import { createApp } from '../src/app/create-app';

describe('health and readiness', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp(testConfig(), database.appUrl);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('reports liveness without touching the database', async () => {
    const response = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('reports the database up when ready', async () => {
    const response = await request(app.getHttpServer()).get('/api/ready').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.database.status).toBe('up');
  });

  it('answers 503 as a problem when the database stops accepting connections', async () => {
    await database.onServer(`ALTER DATABASE ${database.name} WITH ALLOW_CONNECTIONS false`);
    await database.onServer(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`,
      [database.name],
    );
    try {
      const response = await request(app.getHttpServer()).get('/api/ready').expect(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 503, detail: 'The database does not answer.' });
    } finally {
      await database.onServer(`ALTER DATABASE ${database.name} WITH ALLOW_CONNECTIONS true`);
    }
  });
});
