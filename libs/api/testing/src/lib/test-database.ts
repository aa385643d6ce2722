import { randomBytes } from 'node:crypto';
import { ensureAppRole, runMigrations } from '@waypoint/api-database';
import { Client } from 'pg';

/** A database of one's own for one test file, migrated and ready. */
export interface TestDatabase {
  name: string;
  /** The schema owner (migrations, seeding, test fixtures). */
  ownerUrl: string;
  /** What the API connects with; it drops to `waypoint_app` on every connection. */
  appUrl: string;
  /** A plain client as the owner, for fixtures and assertions; closed by `drop()`. */
  owner: Client;
  /** Runs one statement on the server's admin database (for ALTER DATABASE and the like). */
  onServer(sql: string, params?: unknown[]): Promise<void>;
  drop(): Promise<void>;
}

/**
 * Creates a fresh database on the test server (TEST_DATABASE_URL, set by the global setup
 * when not given) and applies every migration, exactly as a deployment would.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: run integration tests through their Jest config');
  const name = `waypoint_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE ${name}`);
    // The fixtures' own current_date and now() on the app's clock (the app sets UTC on each of its
    // connections). And no WAL flush wait at commit: a test never crashes PostgreSQL itself, so
    // durability is not under test, while thousands of serial commits (the audit chain's
    // concurrency test) otherwise wait on the disk of a busy CI machine.
    await client.query(`ALTER DATABASE ${name} SET timezone = 'UTC'`);
    await client.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  if (options.migrate !== false) {
    await withClient(ownerUrl, ensureAppRole);
    await runMigrations(ownerUrl);
  }
  const owner = new Client({ connectionString: ownerUrl });
  // A test may terminate every backend on purpose; that must not crash the test process.
  owner.on('error', () => undefined);
  await owner.connect();
  return {
    name,
    ownerUrl,
    appUrl: ownerUrl,
    owner,
    onServer: async (sql, params) => {
      await withClient(adminUrl, (client) => client.query(sql, params));
    },
    drop: async () => {
      await owner.end();
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
