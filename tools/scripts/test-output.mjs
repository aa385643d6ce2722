#!/usr/bin/env node
/**
 * Reading test runners' output: how many passed and failed, and which failed. `npm test`
 * (test-all.mjs) uses both for its summary; `.ci/run` pipes its second integration run through
 * `node tools/scripts/test-output.mjs failures` for the same list of failures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters by definition.
const ansi = /\u001b\[[0-9;]*m/g;

/** Test counts from Jest ("Tests: 2 failed, 40 passed, 42 total"), Playwright and our scripts. */
export function countTests(output) {
  let passed = 0;
  let failed = 0;
  for (const line of output.replace(ansi, '').split('\n')) {
    const jest = line.match(/^Tests:\s+(.*)total/);
    const counted = jest ? jest[1] : /^\s*(\d+ (passed|failed)|Type-check: )/.test(line) ? line : '';
    passed += Number(counted.match(/(\d+) passed/)?.[1] ?? 0);
    failed += Number(counted.match(/(\d+) failed/)?.[1] ?? 0);
  }
  return { passed, failed };
}

/**
 * The tests that failed: Jest's failing files and "● suite › test" headings (each with the first
 * lines of its error), and Playwright's "✘" lines. Printed again under the summary, because a CI
 * log is often read from its tail only.
 */
export function failedTests(output) {
  const failures = new Map();
  const lines = output.replace(ansi, '').split('\n');
  for (const [index, line] of lines.entries()) {
    const jest = line.match(/^\s*● (.+ › .+)$/);
    const playwright = line.match(/^\s*✘\s+\d+\s+(.+?)(\s+\(\d[\d.]*m?s\))?$/);
    const suite = line.match(/^\s*FAIL\s+.*?(\S+\.[cm]?[jt]sx?)\b/);
    const name = (jest?.[1] ?? playwright?.[1] ?? (suite ? `${suite[1]} (suite)` : undefined))?.trim();
    if (!name || failures.has(name)) continue;
    const error = jest ? lines.slice(index + 1, index + 16).map((l) => l.trim()).filter(Boolean).slice(0, 8) : [];
    failures.set(name, error);
  }
  return [...failures].map(([name, error]) => [`  ✗ ${name}`, ...error.map((l) => `      ${l.slice(0, 160)}`)].join('\n'));
}

// As a command: the failures in what arrives on stdin, one per line (nothing when none failed).
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'failures') {
  const failures = failedTests(readFileSync(0, 'utf8'));
  if (failures.length > 0) process.stdout.write(`${failures.join('\n')}\n`);
}
