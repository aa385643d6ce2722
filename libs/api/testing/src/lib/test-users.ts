import { currentTotpCode, hashPassword, newTotpSecret, seal } from '@waypoint/api-credentials';
import type { Role } from '@waypoint/shared-contracts';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

export interface TestUser {
  id: string;
  programId: string;
  email: string;
  password: string;
  totpSecret: string;
  role: Role;
  /** A TOTP code valid now (each step may be used once per user). */
  code(offsetSteps?: number): string;
}

export const TEST_PASSWORD = 'test-only passphrase 7341';

/** A program of one's own, so tests never see each other's rows. */
export async function createTestProgram(owner: Client, name = `Program ${randomUUID().slice(0, 8)}`, timeZone = 'UTC'): Promise<string> {
  // UTC unless a test picks a zone: fixtures write their days with current_date in the test
  // database's UTC sessions, and those must be the program's days too (program-clock.ts).
  const { rows } = await owner.query(`INSERT INTO programs (name, slug, time_zone) VALUES ($1, $2, $3) RETURNING id`, [
    name,
    `p-${randomUUID().slice(0, 12)}`,
    timeZone,
  ]);
  return rows[0].id;
}

/**
 * A user with a password and an enrolled TOTP secret (sealed with the app's key, as
 * enrollment stores it), written directly as the schema owner.
 */
export async function createTestUser(
  owner: Client,
  encryptionKey: Buffer,
  options: { programId: string; role: Role; teamId?: string; organizationId?: string; mfa?: boolean },
): Promise<TestUser> {
  const email = `${options.role}-${randomUUID().slice(0, 8)}@tests.waypoint.test`;
  const totpSecret = newTotpSecret();
  const { rows } = await owner.query(
    `INSERT INTO users (program_id, email, display_name, role, team_id, organization_id, password_hash, mfa_enabled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 THEN now() END) RETURNING id`,
    [options.programId, email, `Test ${options.role}`, options.role, options.teamId ?? null, options.organizationId ?? null, await hashPassword(TEST_PASSWORD), options.mfa !== false],
  );
  const id = rows[0].id as string;
  if (options.mfa !== false) {
    await owner.query('UPDATE users SET mfa_secret = $1 WHERE id = $2', [seal(encryptionKey, totpSecret, id), id]);
  }
  return {
    id,
    programId: options.programId,
    email,
    password: TEST_PASSWORD,
    totpSecret,
    role: options.role,
    code: (offsetSteps = 0) => codeAt(totpSecret, offsetSteps),
  };
}

function codeAt(secret: string, offsetSteps: number): string {
  return currentTotpCode(secret, Date.now() + offsetSteps * 30_000);
}
