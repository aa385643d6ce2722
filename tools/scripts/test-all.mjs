#!/usr/bin/env node
/**
 * `npm test`: every check, in the order that fails fastest, starting what each needs itself
 * (the integration tests and the journeys start their own embedded PostgreSQL; set
 * TEST_DATABASE_URL to test against another server). Runs every step even after a failure,
 * then prints one summary line, `Total: N passed, M failed`, and exits non-zero on any failure.
 */
import { spawn } from 'node:child_process';
import { nxEnv } from './nx-env.mjs';
import { countTests, failedTests } from './test-output.mjs';

const nx = (...args) => ['npx', ['nx', ...args, '--output-style=static']];
const steps = [
  { name: 'Lint', command: nx('run-many', '-t', 'lint') },
  { name: 'Type-check', command: ['node', ['tools/scripts/typecheck.mjs']] },
  { name: 'Unit tests', command: nx('run-many', '-t', 'test') },
  { name: 'Production build', command: nx('run-many', '-t', 'build', '-p', 'api', 'web') },
  { name: 'API integration tests', command: nx('run', 'api:integration') },
  { name: 'Browser journeys', command: nx('run', 'web-e2e:e2e') },
];

function run({ command: [program, args] }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(program, args, { env: nxEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => resolve({ code, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = [];
for (const step of steps) {
  process.stdout.write(`\n━━ ${step.name} ━━\n`);
  const { code, output, seconds } = await run(step);
  results.push({ name: step.name, ok: code === 0, seconds, ...countTests(output), failures: failedTests(output) });
}

process.stdout.write('\n━━ Summary ━━\n');
for (const r of results) {
  const counts = r.passed + r.failed > 0 ? `${r.passed} passed, ${r.failed} failed` : '';
  process.stdout.write(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(24)} ${counts.padEnd(26)} ${r.seconds.toFixed(0)} s\n`);
}
for (const r of results.filter((r) => r.failures.length > 0)) {
  process.stdout.write(`Failed in ${r.name}:\n${r.failures.map((failure) => `${failure}\n`).join('')}`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
// A failing step with no failing test in it (lint, build, a crash) still counts as a failure.
const failed = results.reduce((sum, r) => sum + (r.failed > 0 ? r.failed : r.ok ? 0 : 1), 0);
process.stdout.write(`Total: ${passed} passed, ${failed} failed\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
