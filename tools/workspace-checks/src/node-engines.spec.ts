import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { satisfies, validRange } from 'semver';

/**
 * The README promises Node 20.19+, 22.13+ and 24.11+ (package.json `engines`; TypeORM 1.1 sets
 * that floor). npm only warns (EBADENGINE) when an installed
 * package asks for a newer Node, and the warning scrolls by; the package may then fail at run
 * time on the oldest Node we claim. So every package the lockfile installs must accept the
 * Node versions below, read from the `engines` npm itself recorded in package-lock.json.
 */
const workspaceRoot = resolve(__dirname, '../../..');
const SUPPORTED_NODE_VERSIONS = ['20.19.0', '22.13.0', '24.11.0'];

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

export function packagesRefusing(nodeVersion: string, packages: Record<string, LockedPackage>): string[] {
  const refusing: string[] = [];
  for (const [path, locked] of Object.entries(packages)) {
    // Old lockfiles may hold engines as an array of strings; no package we install does.
    const range = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
    if (!path || !range || !validRange(range)) continue;
    if (!satisfies(nodeVersion, range, { includePrerelease: true })) {
      refusing.push(`${path.replace(/^.*node_modules\//, '')}@${locked.version ?? '?'} wants node ${range}`);
    }
  }
  return refusing;
}

describe('Node versions the lockfile installs for', () => {
  const lock = JSON.parse(readFileSync(resolve(workspaceRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
  const declared = (JSON.parse(readFileSync(resolve(workspaceRoot, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

  it.each(SUPPORTED_NODE_VERSIONS)('every locked package accepts Node %s', (nodeVersion) => {
    expect(satisfies(nodeVersion, declared)).toBe(true);
    expect(packagesRefusing(nodeVersion, lock.packages)).toEqual([]);
  });

  it('names a package whose engines refuse the Node version', () => {
    const fixture = {
      '': { version: '0.0.0' },
      'node_modules/nestjs-pino': { version: '5.2.1', engines: { node: '>=22.12.0' } },
      'node_modules/pino': { version: '9.14.0' },
      'node_modules/webpack-cli/node_modules/rechoir': { version: '0.8.0', engines: { node: '>= 10.13.0' } },
    };
    expect(packagesRefusing('20.19.0', fixture)).toEqual(['nestjs-pino@5.2.1 wants node >=22.12.0']);
  });
});
