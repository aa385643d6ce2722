import type { AppConfig } from '@waypoint/api-config';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseSetupError, ensureAppRole } from './database-roles';
import { ownerDataSourceOptions } from './data-source-options';
import { startEmbeddedDatabase } from './embedded-server';

/** A ready database: migrated, with the URLs to reach it and a way to let it go. */
export interface PreparedDatabase {
  ownerUrl: string;
  appUrl: string;
  embedded: boolean;
  /** Whether the embedded cluster was created by this start (an empty database). */
  created: boolean;
  /** Names of the migrations this start applied. */
  applied: string[];
  /** Stops the embedded server; a no-op for an external database. */
  stop(): Promise<void>;
}

type Log = { info(message: string): void; debug(message: string): void };

/**
 * Everything that must happen before the API opens its pool: start the embedded server when
 * no DATABASE_URL is set, make sure the app role exists, apply pending migrations as the owner.
 */
export async function prepareDatabase(config: AppConfig, log: Log): Promise<PreparedDatabase> {
  const { url, migrationUrl, embeddedPort } = config.database;
  if (url && migrationUrl) {
    await withOwnerClient(migrationUrl, ensureAppRole);
    const applied = await runMigrations(migrationUrl);
    return { ownerUrl: migrationUrl, appUrl: url, embedded: false, created: false, applied, stop: async () => undefined };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: config.dataDir, port: embeddedPort, log });
  try {
    const applied = await runMigrations(embedded.ownerUrl);
    return { ...embedded, embedded: true, applied };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/** Applies pending migrations in order, each in its own transaction; returns their names. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = new DataSource(ownerDataSourceOptions(ownerUrl));
  await initialise(dataSource);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

async function initialise(dataSource: DataSource): Promise<void> {
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DatabaseSetupError(`Cannot connect to the database to migrate it: ${(error as Error).message}`);
  }
}

async function withOwnerClient(url: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'waypoint-migrate' });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseSetupError(`Cannot connect to the database: ${(error as Error).message}`);
  }
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
