import { createServer, type Server, type Socket } from 'node:net';
import { Client, Pool } from 'pg';
import { QueryFailedError } from 'typeorm';
import { errorToProblem } from './error-to-problem';

/** A server error as node-postgres reports it (a DatabaseError carries the SQLSTATE as `code`). */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });
const wrapped = (driverError: Error) => new QueryFailedError('SELECT * FROM participants WHERE last_name = $1', ['Ortiz'], driverError);

describe('a database that cannot be reached is a 503, not a 500', () => {
  let silent: Server;
  const held = new Set<Socket>();
  let silentPort: number;
  let closedPort: number;

  beforeAll(async () => {
    // Accepts connections and never answers: a stalled database, as a client sees it.
    silent = createServer((socket) => held.add(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    silentPort = (silent.address() as { port: number }).port;
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    closedPort = (probe.address() as { port: number }).port;
    await new Promise((done) => probe.close(done));
  });

  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((done) => silent.close(done));
  });

  const expect503 = (error: unknown) => {
    const problem = errorToProblem(error, 'req-1');
    expect(problem).toMatchObject({ status: 503, type: '/problems/service-unavailable', requestId: 'req-1' });
    // Neither the statement, its parameters nor the server's address leave the API.
    expect(JSON.stringify(problem)).not.toMatch(/Ortiz|participants|127\.0\.0\.1/);
  };

  it('maps a refused connection, as pg raises it', async () => {
    const client = new Client({ host: '127.0.0.1', port: closedPort });
    const error = await client.connect().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect((error as { code?: string }).code).toBe('ECONNREFUSED');
    expect503(error);
  });

  it('maps the pool’s connect timeout against a server that does not answer', async () => {
    const pool = new Pool({ host: '127.0.0.1', port: silentPort, connectionTimeoutMillis: 200 });
    pool.on('error', () => undefined);
    const error = await pool.query('SELECT 1').then(
      () => undefined,
      (failure: unknown) => failure,
    );
    await pool.end();
    expect((error as Error).message).toMatch(/timeout/);
    expect503(error);
  });

  it.each([
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['ETIMEDOUT', Object.assign(new Error('connect ETIMEDOUT 10.0.0.5:5432'), { code: 'ETIMEDOUT' })],
    ['EPIPE', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })],
    ['ENOTFOUND (a DNS blip at run time)', Object.assign(new Error('getaddrinfo ENOTFOUND db'), { code: 'ENOTFOUND' })],
    ['an AggregateError of refusals (localhost is two addresses)', Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })]), {})],
    ['57P01 admin shutdown, in a QueryFailedError', wrapped(pgError('57P01', 'terminating connection due to administrator command'))],
    ['57P02 crash shutdown', wrapped(pgError('57P02', 'terminating connection because of crash of another server process'))],
    ['57P03 cannot connect now', pgError('57P03', 'the database system is starting up')],
    ['08006 connection failure', wrapped(pgError('08006', 'connection failure'))],
    ['53300 too many connections', pgError('53300', 'sorry, too many clients already')],
    ['"Connection terminated"', new Error('Connection terminated')],
    ['"Connection terminated unexpectedly", in a QueryFailedError', wrapped(new Error('Connection terminated unexpectedly'))],
    ['the client-side query timeout', wrapped(new Error('Query read timeout'))],
    ['a client that already lost its connection', wrapped(new Error('Client has encountered a connection error and is not queryable'))],
    ['an error caused by one of these', new Error('could not run the report', { cause: pgError('57P01', 'terminating connection') })],
  ])('maps %s', (_case, error) => expect503(error));

  it('leaves other errors alone: input errors stay 4xx, the unknown stays 500', () => {
    expect(errorToProblem(wrapped(pgError('22P02', 'invalid input syntax for type uuid'))).status).toBe(400);
    expect(errorToProblem(new Error('Connection to the moon failed')).status).toBe(500);
    expect(errorToProblem(wrapped(pgError('42P01', 'relation "nope" does not exist'))).status).toBe(500);
  });
});
