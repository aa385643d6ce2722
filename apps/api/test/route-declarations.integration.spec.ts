import type { NestExpressApplication } from '@nestjs/platform-express';
import { routeInventory } from '@waypoint/api-auth';
import { createTestDatabase, testConfig, type TestDatabase } from '@waypoint/api-testing';
import { Permissions } from '@waypoint/shared-contracts';
import request from 'supertest';
import { createApp } from '../src/app/create-app';

/** Deny by default, proven on the routes the application actually registered. */
describe('route declarations', () => {
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

  it('finds the routes (the walk itself works)', () => {
    const routes = routeInventory(app).map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining(['GET /api/health', 'POST /auth/sign-in', 'GET /auth/me']));
  });

  it('gives every route exactly one declaration: public, or a known permission', () => {
    const undeclared = routeInventory(app).filter((r) => r.isPublic === (r.permission !== undefined));
    expect(undeclared).toEqual([]);
    for (const route of routeInventory(app)) {
      if (route.permission) expect(Permissions).toContain(route.permission);
    }
  });

  it('answers 401 without a session on every route that is not public', async () => {
    for (const route of routeInventory(app).filter((r) => !r.isPublic)) {
      const path = `/api/v1${route.path}`.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const response = await request(app.getHttpServer())[route.method.toLowerCase() as 'get'](path);
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
  });
});
