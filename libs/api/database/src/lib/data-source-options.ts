import type { DataSourceOptions } from 'typeorm';
import { APP_ROLE } from './database-roles';
import { migrations } from './migrations';
import { logPoolError } from './pool-errors';

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
 * What the client waits beyond the statement timeout before it gives up on an answer: long
 * enough for the server's own timeout to arrive first on a merely slow statement, short enough
 * that a request never outlives the statement timeout by more than a second.
 */
export const QUERY_TIMEOUT_MARGIN_MS = 500;
/** The longest wait for a connection (a new one, or a free one from a busy pool). */
export const CONNECT_TIMEOUT_MS = 5000;

/**
 * Client-side limits derived from the server's statement timeout. The statement timeout alone
 * cannot help when the server does not answer at all (a paused VM, a storage stall, a network
 * partition): requests then waited as long as the stall and held every pool connection. So the
 * client gives up on an answer a margin after the server would have (`query_timeout`; the margin
 * lets a merely slow statement end with the server's own, cleaner, 57014), and on a connection
 * after a few seconds, never longer than on an answer (`connectionTimeoutMillis`, which pg-pool
 * applies to opening a connection and to waiting in line for a free one).
 */
export function clientTimeouts(statementTimeoutMs: number): { query_timeout: number; connectionTimeoutMillis: number } {
  const queryTimeout = statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS;
  return { query_timeout: queryTimeout, connectionTimeoutMillis: Math.min(CONNECT_TIMEOUT_MS, queryTimeout) };
}

/**
 * The API's pool. Every connection starts as `waypoint_app` (the `role` startup option is
 * PostgreSQL's `SET ROLE`), so requests run with the app role's grants even if DATABASE_URL
 * names a more powerful user; a statement timeout keeps one slow query from holding the pool,
 * and the client timeouts bound a request when the server stalls. A lost idle connection is
 * logged by our handler (code and message only), not TypeORM's.
 */
export function appConnectionOptions(url: string, poolSize: number, statementTimeoutMs: number) {
  return {
    type: 'postgres' as const,
    url,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolErrorHandler: logPoolError,
    extra: {
      max: poolSize,
      application_name: 'waypoint-api',
      options: `-c role=${APP_ROLE} -c statement_timeout=${statementTimeoutMs} -c TimeZone=UTC`,
      ...clientTimeouts(statementTimeoutMs),
    },
  };
}
