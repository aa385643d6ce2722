import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in state: MFA seeds (sealed), lockout counters, sessions with rotating refresh tokens,
 * recovery codes, and the provider organizations clinicians belong to. The API role may read,
 * add and update these rows but never delete them: ending a session is a revocation, kept.
 */
export class Identity1763800000000 implements MigrationInterface {
  name = 'Identity1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL DEFAULT 'clinical' CHECK (kind IN ('clinical', 'mat', 'housing', 'employment', 'mutual_aid', 'other')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (program_id, name)
      )`);

    await db.query(`
      ALTER TABLE users
        ADD COLUMN organization_id uuid REFERENCES organizations(id),
        ADD COLUMN mfa_secret bytea,
        ADD COLUMN mfa_enabled_at timestamptz,
        ADD COLUMN mfa_last_step bigint,
        ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN sessions_valid_after timestamptz NOT NULL DEFAULT '-infinity'`);

    await db.query(`
      CREATE TABLE mfa_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        user_id uuid NOT NULL REFERENCES users(id),
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX mfa_recovery_codes_user_idx ON mfa_recovery_codes (program_id, user_id) WHERE used_at IS NULL`);

    await db.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        idle_expires_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (length(revoked_reason) <= 60),
        ip text CHECK (length(ip) <= 64),
        user_agent text CHECK (length(user_agent) <= 300)
      )`);
    await db.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions (program_id, user_id) WHERE revoked_at IS NULL`);

    // Every refresh token ever issued for a session: a used one presented again is a theft signal.
    await db.query(`
      CREATE TABLE auth_refresh_tokens (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES auth_sessions(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX auth_refresh_tokens_session_idx ON auth_refresh_tokens (session_id)`);

    await db.query(`CREATE TRIGGER organizations_touch BEFORE UPDATE ON organizations FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON organizations, mfa_recovery_codes, auth_sessions, auth_refresh_tokens TO waypoint_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE auth_refresh_tokens, auth_sessions, mfa_recovery_codes`);
    await db.query(`
      ALTER TABLE users DROP COLUMN organization_id, DROP COLUMN mfa_secret, DROP COLUMN mfa_enabled_at,
        DROP COLUMN mfa_last_step, DROP COLUMN password_changed_at, DROP COLUMN failed_sign_ins,
        DROP COLUMN locked_until, DROP COLUMN sessions_valid_after`);
    await db.query(`DROP TABLE organizations`);
  }
}
