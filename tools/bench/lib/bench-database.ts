import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ROLE, ensureAppRole, runMigrations, startEmbeddedDatabase } from '@waypoint/api-database';
import { Client } from 'pg';
import type { Teardown } from './teardown';

/** A throwaway database, migrated exactly as a deployment would be. */
export interface BenchDatabase {
  /** The schema owner: seeding and maintenance. */
  ownerUrl: string;
  /** Where it runs, for the report (no password). */
  description: string;
  /** Notes worth printing, such as a role the bench had to create on a shared server. */
  notes: string[];
}

/**
 * With BENCH_DATABASE_URL (a user allowed to CREATE DATABASE) the database is created on that
 * server; otherwise on an embedded PostgreSQL started for this run, as the integration tests'
 * global setup does. Every resource is registered with `teardown` as soon as it exists.
 * `prefix` starts the database's name (a bench's own, so a shared server shows whose it is).
 */
export async function createBenchDatabase(teardown: Teardown, prefix = 'waypoint_bench'): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`invalid database name prefix "${prefix}"`);
  const notes: string[] = [];
  let adminUrl = process.env['BENCH_DATABASE_URL'];
  let where: string;
  if (adminUrl) {
    where = `BENCH_DATABASE_URL (${redact(adminUrl)})`;
  } else {
    // /tmp, not the checkout: as root the server runs as `postgres`, which may not reach it.
    const dataDir = mkdtempSync(join(tmpdir(), 'waypoint-bench-scope-'));
    chmodSync(dataDir, 0o755);
    teardown.defer('remove the embedded data folder', async () => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const quiet = { info: () => undefined, debug: () => undefined };
    const embedded = await startEmbeddedDatabase({ dataDir, port, log: quiet });
    teardown.defer('stop the embedded PostgreSQL', () => embedded.stop());
    adminUrl = embedded.superuserUrl;
    where = `embedded PostgreSQL on 127.0.0.1:${port}`;
  }

  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const hadAppRole = await withClient(adminUrl, async (admin) => {
    const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    await admin.query(`CREATE DATABASE ${name}`);
    return role.rows.length > 0;
  });
  const serverUrl = adminUrl;
  teardown.defer(`drop database ${name}`, async () => {
    await withClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  await withClient(ownerUrl, ensureAppRole);
  await runMigrations(ownerUrl);
  if (!hadAppRole && process.env['BENCH_DATABASE_URL']) {
    // Roles are server-wide and the integration tests create the same one; dropping it could
    // pull it from under a test run sharing this server, so it stays.
    notes.push(`created role ${APP_ROLE} on the server (left in place, as the integration tests do)`);
  }
  return { ownerUrl, description: `${where}, database ${name}`, notes };
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'waypoint-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
