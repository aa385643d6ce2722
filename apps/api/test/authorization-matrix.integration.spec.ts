import type { NestExpressApplication } from '@nestjs/platform-express';
import { routeInventory, type RouteDeclaration } from '@waypoint/api-auth';
import type { AppConfig } from '@waypoint/api-config';
import { createTestDatabase, createTestProgram, createTestUser, testConfig, type TestDatabase } from '@waypoint/api-testing';
import { type Permission, Roles, roleCan } from '@waypoint/shared-contracts';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

/**
 * Every registered route × every role, generated from the routes themselves (a new route joins
 * the matrix without anyone listing it). A role without the route's permission gets 403; a role
 * with it gets past the guard; an id from another program, or no such id, is 404, never 403.
 */
describe('authorization matrix', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let sessions: Record<string, Awaited<ReturnType<typeof signIn>>>;
  let foreignUserId: string;
  const missingId = '00000000-0000-4000-8000-000000000000';
  /** Well-formed bodies, so an id route reaches its lookup (a bad body is 400 before any lookup). */
  const sampleBodies: Record<string, object> = { 'PATCH /users/:id': { version: 1 } };

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    const programId = await createTestProgram(database.owner);
    sessions = {};
    for (const role of Roles) {
      sessions[role] = await signIn(app, await createTestUser(database.owner, config.secrets.encryptionKey, { programId, role }));
    }
    const otherProgram = await createTestProgram(database.owner);
    foreignUserId = (await createTestUser(database.owner, config.secrets.encryptionKey, { programId: otherProgram, role: 'specialist' })).id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  // Sign-out ends the caller's session, so it goes last.
  const guarded = (): RouteDeclaration[] =>
    routeInventory(app)
      .filter((route) => !route.isPublic)
      .sort((a, b) => Number(a.path.endsWith('sign-out')) - Number(b.path.endsWith('sign-out')));

  function call(role: string, route: RouteDeclaration, id: string) {
    const session = sessions[role];
    const path = `/api/v1${route.path}`.replace(/:\w+/g, id);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete' | 'put';
    const pending = session.agent[method](path);
    const body = sampleBodies[`${route.method} ${route.path}`] ?? {};
    return route.method === 'GET' ? pending : pending.set('X-CSRF-Token', session.csrf).send(body);
  }

  it('covers every guarded route', () => {
    expect(guarded().length).toBeGreaterThanOrEqual(13);
  });

  it.each(Roles)('as %s: 403 without the permission, past the guard with it; ids never leak', async (role) => {
    const outcomes: string[] = [];
    for (const route of guarded()) {
      const allowed = roleCan(role, route.permission as Permission);
      const hasId = route.path.includes(':');
      const missing = await call(role, route, missingId);
      const expected = allowed ? (hasId ? 404 : 'not 401/403') : 403;
      const status = missing.status;
      const ok = expected === 'not 401/403' ? status !== 401 && status !== 403 && status < 500 : status === expected;
      if (!ok) outcomes.push(`${route.method} ${route.path}: expected ${expected}, got ${status}`);
      if (allowed && hasId && route.path.startsWith('/users')) {
        const foreign = await call(role, route, foreignUserId);
        if (foreign.status !== 404) outcomes.push(`${route.method} ${route.path} (other program): expected 404, got ${foreign.status}`);
      }
    }
    expect(outcomes).toEqual([]);
  });
});
