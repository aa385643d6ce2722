import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `tools/scripts/test-output.mjs failures`, as `.ci/run` calls it (and `npm test` uses its
 * parser): a CI log read from its tail must name what failed. Fed a real Jest run's output.
 */
const workspaceRoot = resolve(__dirname, '../../..');

function failures(output: string): string {
  const result = spawnSync(process.execPath, ['tools/scripts/test-output.mjs', 'failures'], { cwd: workspaceRoot, input: output, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`test-output.mjs failed: ${result.stderr}`);
  return result.stdout;
}

/** Jest's own output (with its colours) for a suite of one failing and one passing test. */
function realJestOutput(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-test-output-'));
  try {
    writeFileSync(join(dir, 'jest.config.json'), '{}');
    writeFileSync(
      join(dir, 'roster.test.js'),
      `describe('roster', () => {
         it('keeps the caseload order', () => { expect(['Nguyen', 'Ortiz']).toEqual(['Ortiz', 'Nguyen']); });
         it('passes quietly', () => {});
       });`,
    );
    const jest = join(workspaceRoot, 'node_modules', '.bin', 'jest');
    const run = spawnSync(jest, ['--colors', '--rootDir', dir, '--config', join(dir, 'jest.config.json')], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    return run.stdout + run.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('test-output.mjs failures', () => {
  it('names the failing Jest test and its file, with the first lines of its error, and not the passing one', () => {
    const listed = failures(realJestOutput());
    expect(listed).toContain('✗ roster › keeps the caseload order');
    expect(listed).toMatch(/✗ \S*roster\.test\.js \(suite\)/);
    expect(listed).toContain('toEqual');
    expect(listed).toContain('- Expected');
    expect(listed).not.toContain('passes quietly');
    expect(listed).not.toContain('\u001b['); // colours stripped
  });

  it("names a failed Playwright journey from the list reporter's ✘ line, without its duration", () => {
    const output = [
      '  ✓  1 apps/web-e2e/src/audit.spec.ts:8:3 › audit trail › an admin reads the trail (15.7s)',
      '  ✘  2 apps/web-e2e/src/daily-workspace.spec.ts:12:3 › a specialist’s day › the journey at 1280 (30.2s)',
      '  27 passed (10.1m)',
    ].join('\n');
    expect(failures(output)).toBe('  ✗ apps/web-e2e/src/daily-workspace.spec.ts:12:3 › a specialist’s day › the journey at 1280\n');
  });

  it('prints nothing when nothing failed', () => {
    expect(failures('PASS api-integration apps/api/test/health.integration.spec.ts\nTests:       198 passed, 198 total\n')).toBe('');
  });
});
