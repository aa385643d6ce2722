import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectPreviousServer, stopOrphanedServer } from './stale-server';

function dataDirWithLock(pid: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-lock-'));
  writeFileSync(join(dir, 'postmaster.pid'), `${pid}\n${dir}\n`);
  return dir;
}

describe('inspectPreviousServer', () => {
  it('reports nothing when there is no lock file', () => {
    expect(inspectPreviousServer(mkdtempSync(join(tmpdir(), 'waypoint-lock-')))).toEqual({ state: 'none' });
  });

  it('calls a lock file of a dead process stale', () => {
    expect(inspectPreviousServer(dataDirWithLock(2 ** 22 - 7))).toEqual({ state: 'stale-lock' });
  });

  it('calls a live server whose parent is this Node process in use (never stopped)', () => {
    const child = spawn('sleep', ['30']);
    try {
      expect(inspectPreviousServer(dataDirWithLock(child.pid as number))).toEqual({ state: 'in-use', pid: child.pid });
    } finally {
      child.kill();
    }
  });

  it('calls a live server whose parent died orphaned, and stops it', async () => {
    // A Node process that starts a long-lived grandchild and exits: the grandchild is
    // reparented, like a PostgreSQL left behind by a killed Waypoint. (Not `sleep &` from sh:
    // background jobs of a shell ignore SIGINT, which a real postmaster does not.)
    const starter = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
      process.stdout.write(String(child.pid)); // not console.log: FORCE_COLOR would colour it
      child.unref();`;
    const shell = spawn(process.execPath, ['-e', starter], { stdio: ['ignore', 'pipe', 'ignore'] });
    let printed = '';
    shell.stdout.on('data', (chunk) => (printed += chunk));
    await new Promise((resolve) => shell.once('close', resolve));
    const pid = Number(printed.trim());
    expect(printed).toMatch(/^\d+\s*$/);
    const state = inspectPreviousServer(dataDirWithLock(pid));
    expect(state).toEqual({ state: 'orphaned', pid });
    await stopOrphanedServer(pid, 2000);
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
