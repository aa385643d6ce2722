#!/usr/bin/env node
/**
 * `npm run bench:sign-in`: latency and throughput of the password step of sign-in (argon2id
 * verification dominates) against the built API on a throwaway embedded PostgreSQL.
 * Prints p50/p95 sequentially and sign-ins per second at several concurrency levels.
 * Not part of `npm test`: it measures, it does not judge.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const freePort = () =>
  new Promise((done) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

const dataDir = mkdtempSync(join(tmpdir(), 'waypoint-bench-'));
chmodSync(dataDir, 0o755);
const port = await freePort();
const server = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_DATABASE_PORT: String(await freePort()), LOG_LEVEL: 'warn', SIGN_IN_REQUESTS_PER_MINUTE: '100000' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
server.stdout.on('data', (chunk) => (output += chunk));
const base = `http://127.0.0.1:${port}`;

try {
  for (let i = 0; !output.includes('Waypoint is ready'); i++) {
    if (i > 600 || server.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const signIn = async () => {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'specialist@demo.waypoint.test', password: 'Waypoint-Demo-2026!' }),
    });
    if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
    await response.arrayBuffer();
    return performance.now() - started;
  };
  const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

  for (let i = 0; i < 5; i++) await signIn(); // warm-up
  const sequential = [];
  for (let i = 0; i < 40; i++) sequential.push(await signIn());
  console.log(`sequential password step: p50 ${percentile(sequential, 50).toFixed(1)} ms, p95 ${percentile(sequential, 95).toFixed(1)} ms (n=40)`);

  for (const concurrency of [1, 2, 4, 8, 16]) {
    const total = concurrency * 12;
    let issued = 0;
    const latencies = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (issued++ < total) latencies.push(await signIn());
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `concurrency ${String(concurrency).padStart(2)}: ${(latencies.length / seconds).toFixed(1)} sign-ins/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
    );
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
