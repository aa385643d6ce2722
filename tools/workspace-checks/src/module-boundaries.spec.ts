import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * The tag matrix (docs/architecture.md, "Boundaries") must actually stop imports: lint a one-line
 * file placed in each project and expect `@nx/enforce-module-boundaries` to object (or not).
 */
const workspaceRoot = resolve(__dirname, '../../..');

/** ESLint runs as a child process: it loads its config with `import()`, which Jest's VM lacks. */
function boundaryErrors(projectFile: string, importPath: string): Promise<string[]> {
  const source = `import * as imported from '${importPath}';\nexport const used = imported;\n`;
  const eslint = join(workspaceRoot, 'node_modules', '.bin', 'eslint');
  const args = ['--stdin', '--stdin-filename', join(workspaceRoot, projectFile), '--format', 'json'];
  return new Promise((resolve, reject) => {
    const child = spawn(eslint, args, { cwd: workspaceRoot, env: { ...process.env, NX_DAEMON: 'false' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const [result] = JSON.parse(stdout) as { messages: { ruleId: string | null; message: string }[] }[];
        resolve(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message));
      } catch {
        reject(new Error(`eslint gave no JSON report: ${stderr || stdout}`));
      }
    });
    child.stdin.end(source);
  });
}

describe('module boundaries', () => {
  it.each([
    // An api lib that does not itself use the contracts, so the answer is the tag rule, not a cycle.
    ['shared code importing api code', 'libs/shared/contracts/src/lib/fixture.ts', '@waypoint/api-credentials'],
    ['web code importing api code', 'libs/web/core/src/lib/fixture.ts', '@waypoint/api-http'],
    ['api code importing web code', 'libs/api/http/src/lib/fixture.ts', '@waypoint/web-ui'],
    ['a ui lib importing data-access', 'libs/web/ui/src/lib/fixture.ts', '@waypoint/web-core'],
    ['a util lib importing data-access', 'libs/api/http/src/lib/fixture.ts', '@waypoint/api-database'],
    ['data-access importing a feature lib', 'libs/api/demo-data/src/lib/fixture.ts', '@waypoint/api-users'],
  ])('fails lint for %s', async (_case, file, importPath) => {
    const errors = await boundaryErrors(file, importPath);
    expect(errors.join('\n')).toMatch(/can only depend on libs tagged with/);
  });

  it.each([
    ['a feature lib importing data-access', 'libs/api/health/src/lib/fixture.ts', '@waypoint/api-database'],
    ['web data-access importing contracts', 'libs/web/core/src/lib/fixture.ts', '@waypoint/shared-contracts'],
    ['api util importing contracts', 'libs/api/http/src/lib/fixture.ts', '@waypoint/shared-contracts'],
  ])('allows %s', async (_case, file, importPath) => {
    expect(await boundaryErrors(file, importPath)).toEqual([]);
  });
});
