import { existsSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

/** What `postmaster.pid` in a data folder says about a server that may still be running. */
export type PreviousServer =
  | { state: 'none' }
  | { state: 'stale-lock' }
  | { state: 'orphaned'; pid: number }
  | { state: 'in-use'; pid: number };

/**
 * A server whose parent Node process died (killed run, crash) keeps running, reparented to
 * init; a lock file whose process is gone is just stale. A server whose parent is alive
 * belongs to another running Waypoint, which we must not stop.
 */
export function inspectPreviousServer(dataDir: string): PreviousServer {
  const lockFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return { state: 'none' };
  const pid = Number.parseInt(readFileSync(lockFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return { state: 'stale-lock' };
  const parent = parentPid(pid);
  if (parent === undefined || parent === 1 || !isAlive(parent) || !isNode(parent)) return { state: 'orphaned', pid };
  return { state: 'in-use', pid };
}

export function removeStaleLock(dataDir: string): void {
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT) if it lingers; resolves when it is gone. */
export async function stopOrphanedServer(pid: number, timeoutMs = 15000): Promise<void> {
  signal(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      signal(pid, 'SIGQUIT');
      await sleep(1000);
      if (isAlive(pid)) throw new Error(`An old embedded PostgreSQL (pid ${pid}) would not stop; stop it by hand.`);
      return;
    }
    await sleep(100);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parentPid(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
  } catch {
    return undefined;
  }
}

/** By its executable, not `/proc/<pid>/comm`: Node 24 names its main thread "MainThread". */
function isNode(pid: number): boolean {
  try {
    const argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return /(^|\/)node(js)?(\d+)?$/.test(argv0) || basename(readlinkSync(`/proc/${pid}/exe`)).startsWith('node');
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
