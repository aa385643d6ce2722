import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The repository explains itself. Nothing tracked may send a reader to a file they do not have:
 * the design notes this project was once planned from lived beside the checkout, and a comment
 * like "see <that file> §4" is a dead end for anyone who clones it. What a reader needs is in
 * docs/ (architecture.md, security.md, domain-model.md); point there instead.
 *
 * Flagged, in every tracked text file: a mention of one of those notes by name, and a path that
 * leaves the repository into a `shared/` folder beside it (`../shared/…` resolved from the
 * file's own folder, or the absolute path of that folder). `../shared/` inside the repository,
 * such as a library's own `shared/` folder, is fine.
 *
 * The names are assembled here rather than written out, so this file does not flag itself.
 */
const workspaceRoot = resolve(__dirname, '../../..');
const NOTE_NAMES = ['DESIGN', 'PART2', 'STYLE', 'TOOLCHAIN'].map((name) => `${name}.` + 'md');
const NOTE_MENTION = new RegExp(`(?<![\\w-])(?:${NOTE_NAMES.map((name) => name.replace('.', '\\.')).join('|')})(?![\\w-])`);
const RELATIVE_SHARED = /((?:\.\.\/)+)shared\//g;
const OUTSIDE_SHARED = resolve(workspaceRoot, '..', 'shared');
const ABSOLUTE_SHARED = new RegExp(`${OUTSIDE_SHARED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`);

/** `<line>: <the text>` for each line of `text` (the file at `path`, relative to `root`) that points outside. */
function outsideReferences(text: string, path: string, root = workspaceRoot): string[] {
  const folder = join(root, dirname(path));
  return text.split('\n').flatMap((line, index) => {
    const leaves = [...line.matchAll(RELATIVE_SHARED)].some((match) => escapes(resolve(folder, match[1]), root));
    const named = NOTE_MENTION.test(line) || ABSOLUTE_SHARED.test(line);
    return named || leaves ? [`${index + 1}: ${line.trim().slice(0, 160)}`] : [];
  });
}

function escapes(target: string, root: string): boolean {
  const path = relative(root, target);
  return path === '..' || path.startsWith('..' + sep) || isAbsolute(path);
}

/** Tracked files present in this checkout (a deletion not yet committed is skipped) that are text (no NUL byte in the first 8 KiB). */
function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: workspaceRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return listed.split('\0').filter((path) => {
    if (!path || !existsSync(join(workspaceRoot, path)) || !statSync(join(workspaceRoot, path)).isFile()) return false;
    return !readFileSync(join(workspaceRoot, path)).subarray(0, 8192).includes(0);
  });
}

describe('no references to files outside the repository', () => {
  it('finds none in any tracked text file', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(300); // the scan really listed the repository
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'eslint.config.mjs']));
    const offenders = files.flatMap((path) =>
      outsideReferences(readFileSync(join(workspaceRoot, path), 'utf8'), path).map((hit) => `${path}:${hit}`),
    );
    expect(offenders).toEqual([]);
  });

  it('catches a design-note mention and a path out of the repository, naming the line', () => {
    const [design, part2] = NOTE_NAMES;
    const fixture = `/**\n * Object-level access (${design} §3).\n */\nconst notice = PART2_NOTICE_SHORT;\n`;
    expect(outsideReferences(fixture, 'libs/api/x/src/lib/x.ts')).toEqual([`2: * Object-level access (${design} §3).`]);
    expect(outsideReferences(`Elements are in ${part2}.`, 'docs/x.md')).toHaveLength(1);
    // Out of the repository, relative or absolute.
    expect(outsideReferences('See ../shared/hooks for the hook.', 'README.md')).toHaveLength(1);
    expect(outsideReferences(`See ${'../'.repeat(4)}shared/x.`, 'libs/api/x/README.md')).toHaveLength(1);
    expect(outsideReferences(`Read ${OUTSIDE_SHARED}${sep}notes.`, 'docs/x.md')).toHaveLength(1);
    expect(outsideReferences(`Read ${OUTSIDE_SHARED}-old/notes.`, 'docs/x.md')).toEqual([]);
  });

  it('leaves alone what only looks similar', () => {
    // A library's own shared/ folder, reached from inside the repository.
    const imports = `import { CalendarDatePipe } from '../shared/calendar-date.pipe';\n`;
    expect(outsideReferences(imports, 'libs/web/participants/src/lib/notes/note-view.ts')).toEqual([]);
    expect(outsideReferences(`coverageDirectory: '../../../coverage/libs/shared/contracts'`, 'libs/shared/contracts/jest.config.cts')).toEqual([]);
    // Other names that merely contain a note's name.
    expect(outsideReferences('PART2_NOTICE_SHORT; docs/style-guide.md; API_DESIGN.mdx', 'docs/x.md')).toEqual([]);
  });
});
