import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request counters for sign-in throttling, shared by every API replica (in-process memory
 * would let an attacker multiply the limit by the number of replicas). UNLOGGED: counters are
 * worthless after a crash and should not cost WAL.
 */
export class RateLimits1763900000000 implements MigrationInterface {
  name = 'RateLimits1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_limits (
        key text PRIMARY KEY CHECK (length(key) <= 300),
        hits integer NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX rate_limits_expiry_idx ON rate_limits (expires_at)`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO waypoint_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limits`);
  }
}
