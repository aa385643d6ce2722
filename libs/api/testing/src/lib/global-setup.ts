/**
 * Jest global setup for API integration tests: make sure there is a PostgreSQL to test
 * against. With TEST_DATABASE_URL (a role allowed to CREATE DATABASE) we use that server;
 * otherwise we start a throwaway embedded server for this run. Each test file then creates
 * its own database from it (see test-database.ts): no shared mutable state between files.
 *
 * Imports are relative on purpose: Jest loads this file outside its module mapper.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Jest loads global setup outside its module mapper, so the alias cannot be used here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedDatabase } from '../../../database/src/lib/embedded-server';
import { freePort } from './free-port';

type Stop = () => Promise<void>;
const globals = globalThis as typeof globalThis & { __waypointStopTestDatabase?: Stop };

export default async function globalSetup(): Promise<void> {
  if (process.env['TEST_DATABASE_URL']) {
    process.stdout.write(`\nIntegration tests use TEST_DATABASE_URL (${redact(process.env['TEST_DATABASE_URL'])})\n`);
    return;
  }
  // /tmp, not the project folder: as root the server runs as `postgres`, which may not be
  // able to enter a private checkout folder.
  const dataDir = mkdtempSync(join(tmpdir(), 'waypoint-test-pg-'));
  chmodSync(dataDir, 0o755); // mkdtemp makes it 700
  const port = await freePort();
  const quiet = { info: () => undefined, debug: () => undefined };
  const embedded = await startEmbeddedDatabase({ dataDir, port, log: quiet });
  process.env['TEST_DATABASE_URL'] = embedded.superuserUrl;
  process.stdout.write(`\nIntegration tests use an embedded PostgreSQL on 127.0.0.1:${port}\n`);
  globals.__waypointStopTestDatabase = async () => {
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}


function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
