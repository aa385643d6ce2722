import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Every `pg` Pool we create has an `'error'` listener. Without one, a database restart that
 * terminates an idle connection is an unhandled `'error'` event, and the process exits.
 *
 * The rule, kept simple enough to read at a glance: a `new Pool(` (or `new pg.Pool(`) is
 * either passed straight to `withErrorListener(` (libs/api/database), or assigned to a name
 * (`const pool =`, `this.#pool ??=`) that the same file gives a `.on('error'` listener. A pool
 * created any other way (passed along, returned unnamed) fails: name it, or wrap it. TypeORM's
 * own pool lives in node_modules; its listener is proven by database-outage.integration.spec.ts.
 */
const workspaceRoot = resolve(__dirname, '../../..');
const SCANNED = ['apps', 'libs', 'tools'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage', '.angular', '.nx']);
const SOURCE = /\.(?:[cm]?ts|[cm]?js)$/;

/** One line per pool without a listener: `<line>: <the code>`. */
function poolsWithoutListener(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/new\s+(?:[\w$]+\.)?Pool\s*\(/g)) {
    const before = source.slice(Math.max(0, match.index - 200), match.index);
    if (/withErrorListener\(\s*$/.test(before)) continue;
    const target = /([\w$.#]+)\s*(?:\?\?=|\|\|=|=)\s*$/.exec(before)?.[1];
    const name = target?.replace(/^(?:const|let|var)\s+/, '');
    if (name && new RegExp(`${escape(name)}\\.on\\(\\s*['"]error['"]`).test(source)) continue;
    const line = source.slice(0, match.index).split('\n').length;
    found.push(`${line}: ${source.split('\n')[line - 1].trim()}`);
  }
  return found;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&');
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(join(folder, entry.name));
    return SOURCE.test(entry.name) ? [join(folder, entry.name)] : [];
  });
}

describe('pg pools have an error listener', () => {
  it('finds none without one in apps, libs and tools', () => {
    const files = SCANNED.flatMap((folder) => sourceFiles(join(workspaceRoot, folder))).filter((file) => file !== __filename);
    expect(files.length).toBeGreaterThan(100); // the scan really walked the repository
    const offenders = files.flatMap((file) => poolsWithoutListener(readFileSync(file, 'utf8')).map((hit) => `${relative(workspaceRoot, file)}:${hit}`));
    expect(offenders).toEqual([]);
  });

  it('sees the pool the API itself creates (the audit writer’s batch pool)', () => {
    const audit = readFileSync(join(workspaceRoot, 'libs/api/audit/src/lib/audit-writer.ts'), 'utf8');
    expect(audit).toMatch(/new Pool\(/);
    expect(poolsWithoutListener(audit)).toEqual([]);
  });

  it('catches a pool without a listener, and accepts the two ways to give it one', () => {
    const bare = `const shared = master;\nconst pool = new Pool({ max: 1 });\nawait pool.query('SELECT 1');\n`;
    expect(poolsWithoutListener(bare)).toEqual([`2: const pool = new Pool({ max: 1 });`]);
    // A listener on another pool does not count for this one.
    expect(poolsWithoutListener(`this.#batch ??= new pg.Pool(options);\nother.on('error', log);\n`)).toHaveLength(1);
    // Created without a name: nothing can be checked, so it fails.
    expect(poolsWithoutListener(`return new Pool(options);\n`)).toHaveLength(1);

    expect(poolsWithoutListener(`this.#batch ??= withErrorListener(new Pool({ ...options, max: 1 }));\n`)).toEqual([]);
    expect(poolsWithoutListener(`const pool = new Pool(options);\npool.on('error', (error) => log(error.message));\n`)).toEqual([]);
  });
});
