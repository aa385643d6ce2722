import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The OS account embedded PostgreSQL runs as when we are root (PostgreSQL refuses root). */
export interface OsAccount {
  uid: number;
  gid: number;
}

/**
 * As root, the embedded server runs as the OS user `postgres`, which must be able to walk
 * down to the data folder. Under a private home (`/root`, mode 700) it cannot, and the server
 * dies with EACCES deep inside initdb. Find the first folder it cannot enter, so start-up can
 * say exactly what to do instead of failing obscurely (or hanging).
 */
export function findUnreachableFolder(target: string, account: OsAccount): string | undefined {
  const folders: string[] = [];
  for (let folder = resolve(target); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    let stat;
    try {
      stat = statSync(folder);
    } catch {
      return undefined; // does not exist yet: we create it with an open mode
    }
    if (!canEnter(stat.mode, stat.uid, stat.gid, account)) return folder;
  }
  return undefined;
}

function canEnter(mode: number, uid: number, gid: number, account: OsAccount): boolean {
  if (uid === account.uid) return (mode & 0o100) !== 0;
  if (gid === account.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

export function unreachableFolderMessage(folder: string, dataDir: string): string {
  return [
    `The embedded PostgreSQL cannot reach its data folder ${dataDir}.`,
    `You are running as root, so PostgreSQL runs as the OS user "postgres", and that user cannot enter ${folder}.`,
    'Do one of these, then start again:',
    `  - clone the project under a folder others may enter (e.g. /work or /opt), or`,
    `  - allow entering the folder: chmod o+x ${folder}, or`,
    '  - run as a normal (non-root) user, or',
    '  - set DATABASE_URL to an existing PostgreSQL 15 or newer.',
  ].join('\n');
}
