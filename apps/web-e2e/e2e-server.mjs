#!/usr/bin/env node
/**
 * The product as the journeys see it: the built API serving the built dashboard on one port,
 * on a fresh embedded PostgreSQL in a throwaway folder (freshly seeded with the demo program),
 * removed again when Playwright stops the server.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'waypoint-e2e-'));
chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres` and must enter it

const freePort = () =>
  new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

const server = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: process.env.E2E_PORT ?? '4310',
    EMBEDDED_DATABASE_PORT: String(await freePort()),
    DATABASE_URL: '',
  },
});
const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill('SIGTERM'));
server.on('exit', (code) => {
  cleanUp();
  process.exit(code ?? 0);
});
