import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@waypoint/api-config';
import {
  createTestDatabase,
  createTestGoal,
  createTestNote,
  createTestParticipant,
  createTestProgram,
  createTestTeam,
  createTestUser,
  testConfig,
  type TestDatabase,
} from '@waypoint/api-testing';
import { Roles } from '@waypoint/shared-contracts';
import fc from 'fast-check';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { signIn } from './auth.helpers';
import { hostileBody, hostileId, hostileQuery, MARKER, type OpenApiDocument, type Operation, resolve, toJson } from './openapi-fuzz.generators';

type Session = Awaited<ReturnType<typeof signIn>>;
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * Property-based fuzzing of every operation in the OpenAPI document the API publishes, as
 * every role and signed out. Each request carries hostile input (openapi-fuzz.generators.ts),
 * and each answer must be: below 500; for a 4xx, a problem+json without internals or an echo
 * of the input; for a write with a hostile body, never a 2xx; and, whatever the answer, no
 * row of the program's tables written (a fingerprint of every table is compared after each
 * request). Fixed run counts keep it to a few seconds per role, for every CI run.
 */
describe('OpenAPI fuzz: hostile input on every operation, as every role', () => {
  let database: TestDatabase;
  let app: NestExpressApplication;
  let config: AppConfig;
  let doc: OpenApiDocument;
  const sessions: Partial<Record<string, Session>> = {};
  /** An existing object per path, so a body that passes validation would reach a real write. */
  const own: Record<string, string> = {};
  let fingerprintSql = '';
  let requests = 0;
  const started = Date.now();
  /** Runs per operation and caller: enough to hit each mutation family over a CI week, small enough for every run. */
  const RUNS = { signedIn: 4, anonymous: 2 };
  /** Written by every request on purpose (the trail, sessions, rate limits), never program data. */
  const UNFINGERPRINTED = /^(audit_|auth_sessions$|auth_refresh_tokens$|rate_limits$|schema_migrations$)/;

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await createApp(config, database.appUrl);
    await app.init();
    const owner = database.owner;
    const key = config.secrets.encryptionKey;
    const programId = await createTestProgram(owner);
    const teamId = await createTestTeam(owner, programId);
    const users: Record<string, string> = {};
    for (const role of Roles) {
      const user = await createTestUser(owner, key, { programId, role, teamId: role === 'specialist' || role === 'supervisor' ? teamId : undefined });
      users[role] = user.id;
      sessions[role] = await signIn(app, user);
    }
    await owner.query('UPDATE teams SET supervisor_id = $2 WHERE id = $1', [teamId, users['supervisor']]);
    const participant = await createTestParticipant(owner, programId, { assignTo: users['specialist'] });
    const goal = await createTestGoal(owner, programId, participant);
    const note = await createTestNote(owner, programId, participant, users['specialist']);
    const { rows: tasks } = await owner.query(
      `INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on) VALUES ($1, $2, $3, 'Fuzz task', current_date) RETURNING id`,
      [programId, participant, users['specialist']],
    );
    const { rows: groups } = await owner.query(
      `INSERT INTO group_sessions (program_id, facilitator_id, topic, started_at, ended_at) VALUES ($1, $2, 'Fuzz group', now() - interval '2 hours', now() - interval '1 hour') RETURNING id`,
      [programId, users['specialist']],
    );
    const { rows: grants } = await owner.query(
      `INSERT INTO break_glass_grants (program_id, user_id, participant_id, reason, expires_at) VALUES ($1, $2, $3, 'Fuzz: a reason long enough', now() + interval '1 hour') RETURNING id`,
      [programId, users['supervisor'], participant],
    );
    const spare = await createTestUser(owner, key, { programId, role: 'specialist' });
    Object.assign(own, {
      participants: participant,
      goals: goal.goalId,
      'goal-steps': goal.stepIds[0],
      notes: note,
      tasks: tasks[0].id,
      'group-sessions': groups[0].id,
      grants: grants[0].id,
      users: spare.id,
    });

    doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const { rows: tables } = await owner.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    // Row count and newest row version of each table: an insert or update raises max(xmin)
    // (transaction ids only grow in a fresh test database), a delete lowers the count.
    fingerprintSql = tables
      .map((row) => row.tablename as string)
      .filter((name) => !UNFINGERPRINTED.test(name))
      .map((name) => `SELECT '${name}' AS t, count(*) AS n, coalesce(max(xmin::text::bigint), 0) AS x FROM ${name}`)
      .join(' UNION ALL ');
  });

  afterAll(async () => {
    process.stdout.write(`\nOpenAPI fuzz: ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s (setup included)\n`);
    await app?.close();
    await database?.drop();
  });

  async function fingerprint(): Promise<string> {
    const { rows } = await database.owner.query(fingerprintSql);
    return rows.map((row) => `${row.t}:${row.n}:${row.x}`).join(' ');
  }

  function operations(): { method: Method; path: string; operation: Operation }[] {
    return Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method as Method, path, operation })),
    );
  }

  /** The existing object for a path's `{id}`: the collection segment before it decides. */
  function ownIdFor(path: string): string | undefined {
    const match = /\/([a-z-]+)\/\{id\}/.exec(path);
    return match ? own[match[1]] : undefined;
  }

  const INTERNALS: [string, RegExp][] = [
    ['stack frame', /\bat \S+ \(|\.(js|ts):\d+/],
    ['file path', /node_modules|\/(work|home|usr|tmp|app|src)\//],
    ['SQL', /QueryFailedError|violates|relation "|syntax error at|SQLSTATE|invalid input syntax|\b(SELECT|INSERT INTO|UPDATE)\b.*\b(FROM|VALUES|SET)\b/],
    ['JavaScript error', /TypeError|RangeError|ReferenceError|SyntaxError|Cannot read prop|is not a function|Maximum call stack/],
    ['echo of the input', new RegExp(MARKER)],
  ];

  /** Everything wrong with one answer; empty when it is fine. */
  function judge(response: request.Response, hostileWrite: boolean, wrote: boolean): string[] {
    const wrong: string[] = [];
    if (response.status >= 500) wrong.push(`answered ${response.status}`);
    // 431: a URL past Node's 16 KiB header limit is refused by its HTTP parser, before the app.
    if (response.status >= 400 && response.status !== 431) {
      if (!/^application\/problem\+json/.test(String(response.headers['content-type']))) wrong.push(`a ${response.status} that is not problem+json`);
      else if (response.body?.status !== response.status || typeof response.body?.title !== 'string') wrong.push('a problem without status and title');
      for (const [what, pattern] of INTERNALS) if (pattern.test(response.text)) wrong.push(`${what} in the answer: ${response.text.slice(0, 300)}`);
    }
    if (hostileWrite && response.status < 400) wrong.push(`a hostile body was accepted (${response.status})`);
    if (wrong.length === 0 && wrote) wrong.push(`rows were written on a ${response.status}`);
    return wrong;
  }

  const callers = [...Roles, 'anonymous'] as const;

  it.each(callers)('as %s: no 5xx, problems without internals, no write for hostile input', async (caller) => {
    const session = caller === 'anonymous' ? undefined : sessions[caller];
    const failures: string[] = [];
    let before = await fingerprint();
    let skipped = 0;
    for (const { method, path, operation } of operations()) {
      const bodySchema = operation.requestBody?.content['application/json']?.schema;
      const parameters = operation.parameters ?? [];
      const hasPathId = path.includes('{id}');
      const hasQuery = parameters.some((parameter) => parameter.in === 'query');
      // A write without any input (sign-out, refresh, MFA enrollment) has nothing hostile to
      // send; signed in, it would only end the caller's session. Signed out it answers 401.
      if (session && method !== 'get' && !bodySchema && !hasPathId && !hasQuery) {
        skipped++;
        continue;
      }
      const body = bodySchema ? hostileBody(resolve(bodySchema, doc), doc).map((value) => ({ ...value, text: toJson(value.body) })) : fc.constant(undefined);
      const id = hasPathId ? hostileId(bodySchema ? ownIdFor(path) : undefined) : fc.constant(undefined);
      const query = hasQuery || method === 'get' ? fc.option(hostileQuery(parameters), { nil: undefined, freq: hasQuery ? 2 : 4 }) : fc.constant(undefined);
      const label = `${method.toUpperCase()} ${path}`;
      const details = await fc.check(
        fc.asyncProperty(body, id, query, async (sentBody, sentId, sentQuery) => {
          let url = path.replace('{id}', sentId?.raw ?? '');
          if (sentQuery) url += `?${sentQuery.raw}`;
          const agent = session ? session.agent : request(app.getHttpServer());
          let pending = agent[method](url);
          if (session && method !== 'get') pending = pending.set('X-CSRF-Token', session.csrf);
          if (sentBody) pending = pending.set('Content-Type', 'application/json').send(sentBody.text);
          const response = await pending;
          requests++;
          const after = await fingerprint();
          const wrote = after !== before;
          before = after;
          const wrong = judge(response, sentBody !== undefined, wrote);
          if (wrong.length > 0) {
            const what = [sentBody?.kind, sentId && `id: ${sentId.kind}`, sentQuery?.kind].filter(Boolean).join('; ');
            throw new Error(`${label} as ${caller} (${what}): ${wrong.join('; ')}`);
          }
        }),
        { numRuns: session ? RUNS.signedIn : RUNS.anonymous, endOnFailure: true },
      );
      if (details.failed) {
        // The seed and path replay the same request: fc.check(property, { seed, path }).
        const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        failures.push(`${message} [seed ${details.seed}, path ${details.counterexamplePath}]`);
      }
    }
    expect(skipped).toBeLessThanOrEqual(3);
    expect(failures).toEqual([]);
  }, 120_000);
});
