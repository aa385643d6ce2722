#!/usr/bin/env node
/**
 * `npm start`: build the API and the dashboard (production build, cached by Nx after the
 * first time), then run the API, which serves both on one port. Signals go straight to the
 * server so Ctrl-C shuts it (and its embedded PostgreSQL) down gracefully.
 */
import { spawn, spawnSync } from 'node:child_process';
import { nxEnv } from './nx-env.mjs';

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'], {
  stdio: 'inherit',
  env: nxEnv,
});
if (build.status !== 0) {
  console.error('\nThe build failed; see the messages above.');
  process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['dist/apps/api/main.js'], { stdio: 'inherit', env: process.env });
// Ctrl-C reaches the server directly (same process group), so SIGINT is not forwarded: a
// second SIGINT would tell the server to stop waiting for open requests. A `kill` of this
// process alone (SIGTERM, SIGHUP) is passed on as SIGTERM.
process.on('SIGINT', () => undefined);
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
