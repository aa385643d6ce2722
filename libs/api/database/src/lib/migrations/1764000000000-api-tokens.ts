import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal API tokens for scripts and integrations: issued by an admin for a user, limited to
 * a role, stored only as a SHA-256 hash, revocable, with an expiry. Revoked rows are kept.
 */
export class ApiTokens1764000000000 implements MigrationInterface {
  name = 'ApiTokens1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        user_id uuid NOT NULL REFERENCES users(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        role text NOT NULL CHECK (role IN ('specialist', 'supervisor', 'clinician', 'admin')),
        token_hash text NOT NULL UNIQUE,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_tokens_program_idx ON api_tokens (program_id, created_at)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON api_tokens TO waypoint_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_tokens`);
  }
}
