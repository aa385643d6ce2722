import type { DataSourceOptions } from 'typeorm';
import { APP_ROLE } from './database-roles';
import { migrations } from './migrations';

export const MIGRATIONS_TABLE = 'schema_migrations';

/** The owner's connection: runs migrations and seeds; never used to serve requests. */
export function ownerDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 2, application_name: 'waypoint-migrate' },
  };
}

/**
 * The API's pool. Every connection starts as `waypoint_app` (the `role` startup option is
 * PostgreSQL's `SET ROLE`), so requests run with the app role's grants even if DATABASE_URL
 * names a more powerful user; a statement timeout keeps one slow query from holding the pool.
 */
export function appConnectionOptions(url: string, poolSize: number, statementTimeoutMs: number) {
  return {
    type: 'postgres' as const,
    url,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: poolSize,
      application_name: 'waypoint-api',
      options: `-c role=${APP_ROLE} -c statement_timeout=${statementTimeoutMs} -c TimeZone=UTC`,
    },
  };
}
