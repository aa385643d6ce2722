import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@waypoint/api-config';
import {
  createTestDatabase,
  createTestParticipant,
  createTestProgram,
  createTestTeam,
  createTestUser,
  testConfig,
  type TestDatabase,
} from '@waypoint/api-testing';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';

type Session = Awaited<ReturnType<typeof signIn>>;

/**
 * Input an attacker sends on purpose, each of which once reached a 500 or was silently
 * accepted: the global pipe and the body parser refuse it with a 400 problem that names the field.
 */
describe('hostile input', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let specialist: Session;
  let supervisor: Session;
  let participantId: string;
  let taskId: string;
  const missingId = '00000000-0000-4000-8000-000000000000';
  const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    const owner = database.owner;
    const programId = await createTestProgram(owner);
    const teamId = await createTestTeam(owner, programId);
    const specialistUser = await createTestUser(owner, config.secrets.encryptionKey, { programId, role: 'specialist', teamId });
    const supervisorUser = await createTestUser(owner, config.secrets.encryptionKey, { programId, role: 'supervisor', teamId });
    specialist = await signIn(app, specialistUser);
    supervisor = await signIn(app, supervisorUser);
    participantId = await createTestParticipant(owner, programId, { assignTo: specialistUser.id });
    const { rows } = await owner.query(
      `INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on) VALUES ($1, $2, $3, 'Call back', current_date) RETURNING id`,
      [programId, participantId, specialistUser.id],
    );
    taskId = rows[0].id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const http = () => request(app.getHttpServer());
  const post = (session: Session, path: string) => session.agent.post(`/api/v1${path}`).set('X-CSRF-Token', session.csrf).set('Content-Type', 'application/json');
  const patch = (session: Session, path: string) => session.agent.patch(`/api/v1${path}`).set('X-CSRF-Token', session.csrf).set('Content-Type', 'application/json');

  /** A 400 validation problem naming `field`, without echoing what was sent. */
  function expectFieldError(response: request.Response, field: string, sent?: string) {
    expect({ status: response.status, type: response.body.type }).toEqual({ status: 400, type: '/problems/validation' });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Object.keys(response.body.errors ?? {})).toContain(field);
    if (sent) expect(response.text).not.toContain(sent);
  }

  function nested(depth: number): string {
    return '['.repeat(depth) + ']'.repeat(depth);
  }

  describe('deeply nested JSON', () => {
    it('is refused with a 400 on the unauthenticated sign-in', async () => {
      const response = await http().post('/api/v1/auth/sign-in').set('Content-Type', 'application/json').send(`{"email":${nested(20_000)},"password":"x"}`);
      expectFieldError(response, 'email');
    });

    it('is refused with a 400 on an authenticated write, and nothing changes', async () => {
      const response = await patch(specialist, `/tasks/${taskId}`).send(`{"version":1,"title":{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}}`);
      expectFieldError(response, 'title');
      const { rows } = await database.owner.query('SELECT version FROM tasks WHERE id = $1', [taskId]);
      expect(rows[0].version).toBe(1);
    });
  });

  describe('NUL characters', () => {
    it('are refused in a body string with a field message', async () => {
      const response = await post(specialist, `/participants/${participantId}/tasks`).send({ title: 'Call\u0000back', dueOn: '2030-01-01' });
      expectFieldError(response, 'title');
      expect(response.body.errors.title.join(' ')).toMatch(/NUL/);
    });

    it('are refused in a query string', async () => {
      const response = await specialist.agent.get('/api/v1/participants?search=ab%00cd');
      expectFieldError(response, 'search');
    });

    it('are refused in a nested string and in an object key', async () => {
      expectFieldError(await post(supervisor, '/notes/cosign').send({ notes: [{ id: 'a\u0000', version: 1 }] }), 'notes.0.id');
      expectFieldError(await patch(specialist, `/tasks/${taskId}`).send({ version: 1, 'ti\u0000tle': 'x' }), 'ti\\u0000tle');
    });
  });

  describe('lone UTF-16 surrogates', () => {
    it('are refused in the sign-in email with a field message', async () => {
      const response = await http().post('/api/v1/auth/sign-in').set('Content-Type', 'application/json').send('{"email":"ab\\ud800c@tests.waypoint.test","password":"whatever it is"}');
      expectFieldError(response, 'email');
      expect(response.body.errors.email.join(' ')).toMatch(/Unicode/);
    });

    it('are refused in any body string, the low half alone too', async () => {
      const response = await post(specialist, `/participants/${participantId}/tasks`).send('{"title":"Call \\udc00 back","dueOn":"2030-01-01"}');
      expectFieldError(response, 'title');
    });
  });

  describe('integers beyond their column', () => {
    it('refuses a version above 2,147,483,647', async () => {
      expectFieldError(await patch(specialist, `/tasks/${taskId}`).send({ done: true, version: 2_147_483_648 }), 'version');
    });

    it('refuses it in the bulk co-sign', async () => {
      expectFieldError(await post(supervisor, '/notes/cosign').send({ notes: [{ id: missingId, version: 2 ** 53 }] }), 'notes.0.version');
    });
  });

  describe('malformed JSON', () => {
    it('answers with the intended sentence, not the parser message echoing the bytes', async () => {
      const response = await http().post('/api/v1/auth/sign-in').set('Content-Type', 'application/json').send('{"email": SECRETBYTES');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.detail).toBe('The request body is not valid JSON.');
      expect(response.text).not.toContain('SECRETBYTES');
    });
  });

  describe('broken percent-encoding in the path', () => {
    it('answers a 400 problem that does not quote the path back', async () => {
      for (const path of ['/api/v1/notes/SECRETPATH%E0%A4%A', '/api/v1/notes/SECRETPATH%ED%A0%80']) {
        const response = await specialist.agent.get(path);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.text).not.toContain('SECRETPATH');
      }
    });
  });

  describe('break-glass', () => {
    const reason = 'Hostile input test: a long enough reason.';

    it('validates lastName and dateOfBirth even when participantId is given', async () => {
      const response = await post(supervisor, '/break-glass').send({ participantId, lastName: { $ne: 1 }, dateOfBirth: { $ne: 1 }, reason });
      expectFieldError(response, 'lastName');
      expect(Object.keys(response.body.errors)).toContain('dateOfBirth');
      const { rows } = await database.owner.query('SELECT count(*)::int AS n FROM break_glass_grants');
      expect(rows[0].n).toBe(0);
    });

    it('validates participantId even when lastName and dateOfBirth are given', async () => {
      const response = await post(supervisor, '/break-glass').send({ participantId: { $ne: 1 }, lastName: 'Doe', dateOfBirth: '1990-01-01', reason });
      expectFieldError(response, 'participantId');
    });
  });

  describe('no implicit type conversion', () => {
    it('refuses durationMinutes: true on a note instead of storing a 1-minute session', async () => {
      const body = { startedAt: anHourAgo(), durationMinutes: true, contactType: 'individual', modality: 'phone' };
      expectFieldError(await post(specialist, `/participants/${participantId}/notes`).send(body), 'durationMinutes');
      expectFieldError(await post(specialist, `/participants/${participantId}/notes`).send({ ...body, durationMinutes: '30' }), 'durationMinutes');
    });

    it('refuses durationMinutes: true on a group session', async () => {
      const body = { topic: 'Group', startedAt: anHourAgo(), durationMinutes: true, modality: 'in_person', intervention: 'Talked', attendees: [{ participantId }] };
      expectFieldError(await post(specialist, '/group-sessions').send(body), 'durationMinutes');
    });

    it('still reads numbers from the query string, but only whole decimal numbers', async () => {
      await specialist.agent.get('/api/v1/participants?limit=10').expect(200);
      expectFieldError(await specialist.agent.get('/api/v1/participants?limit=0x10'), 'limit');
      expectFieldError(await specialist.agent.get('/api/v1/participants?limit=true'), 'limit');
    });
  });

  describe('prototype keys', () => {
    it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('refuses %s as an unknown property', async (key) => {
      const response = await patch(specialist, `/tasks/${taskId}`).send(`{"done":true,"version":1,"${key}":{"polluted":true}}`);
      expectFieldError(response, key);
    });

    it('refuses them in the query string too', async () => {
      expectFieldError(await specialist.agent.get('/api/v1/participants?constructor=x'), 'constructor');
    });
  });
});
