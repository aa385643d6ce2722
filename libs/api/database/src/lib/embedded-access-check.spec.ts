import { chmodSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findUnreachableFolder } from './embedded-access-check';

describe('findUnreachableFolder', () => {
  const stranger = { uid: 54321, gid: 54321 };

  it('names the first folder another user cannot enter (a private home such as /root)', () => {
    const root = mkdtempSync(join(tmpdir(), 'waypoint-access-'));
    const privateHome = join(root, 'home');
    mkdirSync(join(privateHome, 'project', '.data'), { recursive: true });
    chmodSync(root, 0o755);
    chmodSync(privateHome, 0o700);
    expect(findUnreachableFolder(join(privateHome, 'project', '.data', 'postgres'), stranger)).toBe(privateHome);
  });

  it('accepts a path every folder of which others may enter', () => {
    const root = mkdtempSync(join(tmpdir(), 'waypoint-access-'));
    chmodSync(root, 0o755);
    mkdirSync(join(root, 'project'), { mode: 0o755 });
    expect(findUnreachableFolder(join(root, 'project', 'not-yet-created'), stranger)).toBeUndefined();
  });

  it('lets the owner in through the owner bits', () => {
    const root = mkdtempSync(join(tmpdir(), 'waypoint-access-'));
    chmodSync(root, 0o700);
    const owner = { uid: statSync(root).uid, gid: 99999 };
    expect(findUnreachableFolder(join(root, 'x'), owner)).toBeUndefined();
  });
});
