/**
 * Two roles from the start (docs/architecture.md, "Database roles"): the schema owner runs
 * migrations; the API runs as `waypoint_app`, which holds only the grants the migrations give it.
 * Later migrations revoke UPDATE/DELETE on audit rows from it, so no API bug can rewrite history.
 */
export const APP_ROLE = 'waypoint_app';
export const EMBEDDED_OWNER_ROLE = 'waypoint_owner';
export const EMBEDDED_API_LOGIN = 'waypoint_api';
export const EMBEDDED_DATABASE = 'waypoint';

/** Minimal slice of a pg client, so these helpers work with `pg.Client` and TypeORM runners. */
export interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Thrown when the database cannot be prepared; the message says what to do. */
export class DatabaseSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseSetupError';
  }
}

/**
 * Run as the migration (owner) connection before migrating an external database: make sure
 * `waypoint_app` exists and that the owner may `SET ROLE` to it (for a single-URL setup where
 * the API connects as the owner and drops to the app role on every connection).
 */
export async function ensureAppRole(owner: SqlClient): Promise<void> {
  const exists = await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  if (exists.rows.length === 0) {
    try {
      await owner.query(`CREATE ROLE ${APP_ROLE} NOLOGIN`);
    } catch (error) {
      throw new DatabaseSetupError(
        `The database role ${APP_ROLE} does not exist and the migration user may not create it ` +
          `(${(error as Error).message}). Ask your database administrator to run: CREATE ROLE ${APP_ROLE} NOLOGIN; ` +
          `GRANT ${APP_ROLE} TO <the DATABASE_URL user>;`,
      );
    }
  }
  const member = await owner.query('SELECT pg_has_role(current_user, $1, $2) AS ok', [APP_ROLE, 'MEMBER']);
  if (member.rows[0]?.['ok'] !== true) {
    try {
      await owner.query(`GRANT ${APP_ROLE} TO CURRENT_USER`);
    } catch {
      // Not fatal: a separate DATABASE_URL user may be the member instead; connecting says so.
    }
  }
}

/** Run as the embedded superuser: roles, passwords and the database, all idempotent. */
export async function provisionEmbeddedDatabase(
  superuser: SqlClient,
  passwords: { owner: string; api: string },
): Promise<void> {
  await superuser.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN;
      END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${EMBEDDED_OWNER_ROLE}') THEN
        CREATE ROLE ${EMBEDDED_OWNER_ROLE} LOGIN;
      END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${EMBEDDED_API_LOGIN}') THEN
        CREATE ROLE ${EMBEDDED_API_LOGIN} LOGIN IN ROLE ${APP_ROLE};
      END IF;
    END $$`);
  await superuser.query(`ALTER ROLE ${EMBEDDED_OWNER_ROLE} PASSWORD '${passwords.owner}'`);
  await superuser.query(`ALTER ROLE ${EMBEDDED_API_LOGIN} PASSWORD '${passwords.api}'`);
  const database = await superuser.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
  if (database.rows.length === 0) {
    await superuser.query(`CREATE DATABASE ${EMBEDDED_DATABASE} OWNER ${EMBEDDED_OWNER_ROLE}`);
  }
}
