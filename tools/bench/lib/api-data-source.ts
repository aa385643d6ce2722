import { appConnectionOptions } from '@waypoint/api-database';
import { DataSource } from 'typeorm';
import type { Teardown } from './teardown';

/** The API's defaults (DATABASE_POOL_SIZE, DATABASE_STATEMENT_TIMEOUT_MS). */
export const API_POOL_SIZE = 10;
const API_STATEMENT_TIMEOUT_MS = 15_000;

/**
 * A TypeORM DataSource with the API's own connection options: every connection runs as
 * waypoint_app. `extraOptions` appends server settings (`-c name=value`) for a diagnostic.
 */
export async function apiDataSource(ownerUrl: string, teardown: Teardown, extraOptions = ''): Promise<DataSource> {
  const options = appConnectionOptions(ownerUrl, API_POOL_SIZE, API_STATEMENT_TIMEOUT_MS);
  const db = new DataSource({ ...options, extra: { ...options.extra, options: `${options.extra.options}${extraOptions}` } });
  await db.initialize();
  teardown.defer('close a TypeORM data source', () => db.destroy());
  return db;
}
