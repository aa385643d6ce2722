#!/usr/bin/env node
/**
 * Type-checks every project's sources and specs with `tsc --noEmit` (strict everywhere).
 * Angular templates are checked by the web build (strictTemplates), not here.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['apps', 'libs', 'tools'];
const names = new Set(['tsconfig.app.json', 'tsconfig.lib.json', 'tsconfig.spec.json', 'tsconfig.e2e.json', 'tsconfig.json']);

function findConfigs(dir, found = []) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) findConfigs(path, found);
    else if (names.has(entry)) found.push(path);
  }
  return found;
}

// A project's tsconfig.json only references the others; check the leaves.
const configs = roots.flatMap((root) => findConfigs(root)).filter((path) => {
  if (!path.endsWith('/tsconfig.json')) return true;
  const dir = path.slice(0, -'tsconfig.json'.length);
  return !['tsconfig.app.json', 'tsconfig.lib.json', 'tsconfig.spec.json', 'tsconfig.e2e.json'].some((leaf) => {
    try {
      return statSync(join(dir, leaf)).isFile();
    } catch {
      return false;
    }
  });
});

function check(config) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsc', '--noEmit', '-p', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ config, code, output: output.replace(/^npm warn.*\n/gm, '') }));
  });
}

let failed = 0;
const queue = [...configs];
async function worker() {
  for (let config = queue.shift(); config; config = queue.shift()) {
    const result = await check(config);
    if (result.code !== 0) {
      failed++;
      process.stdout.write(`✗ ${config}\n${result.output}\n`);
    } else {
      process.stdout.write(`✓ ${config}\n`);
    }
  }
}
await Promise.all([worker(), worker()]);
process.stdout.write(`\nType-check: ${configs.length - failed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
