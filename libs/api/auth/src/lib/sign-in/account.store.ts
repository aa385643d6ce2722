import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction, queryable, updateReturning } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';

export interface SignInAccount {
  id: string;
  programId: string;
  role: string;
  email: string;
  passwordHash: string | null;
  active: boolean;
  locked: boolean;
  mfaSecret: Buffer | null;
  mfaEnabled: boolean;
  mfaLastStep: number | null;
}

/** After this many failures in a row (passwords and codes alike) the account locks for a while. */
export const LOCK_AFTER_FAILURES = 6;
export const LOCK_MINUTES = 15;

/** The user rows the sign-in steps read and write, as plain SQL in small transactions. */
@Injectable()
export class AccountStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byEmail(email: string): Promise<SignInAccount | undefined> {
    return this.select('email = $1', email);
  }

  async byId(id: string): Promise<SignInAccount | undefined> {
    return this.select('id = $1', id);
  }

  private async select(where: string, value: string): Promise<SignInAccount | undefined> {
    const [row] = await queryable(this.db).query(
      `SELECT id, program_id AS "programId", role, email, password_hash AS "passwordHash", status = 'active' AS active,
              coalesce(locked_until > now(), false) AS locked, mfa_secret AS "mfaSecret",
              mfa_enabled_at IS NOT NULL AS "mfaEnabled", mfa_last_step AS "mfaLastStep"
         FROM users WHERE ${where}`,
      [value],
    );
    return row ? { ...row, mfaLastStep: row.mfaLastStep === null ? null : Number(row.mfaLastStep) } : undefined;
  }

  /** Counts a failure; the one that reaches the limit starts the lock (and says so). */
  async recordFailure(userId: string): Promise<{ lockedNow: boolean }> {
    const [row] = await updateReturning<{ lockedNow: boolean }>(
      queryable(this.db),
      `UPDATE users SET failed_sign_ins = failed_sign_ins + 1,
              locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN now() + $3::interval ELSE locked_until END
        WHERE id = $1 RETURNING failed_sign_ins = $2 AS "lockedNow"`,
      [userId, LOCK_AFTER_FAILURES, `${LOCK_MINUTES} minutes`],
    );
    return { lockedNow: row?.lockedNow === true };
  }

  async recordSuccess(userId: string, newPasswordHash?: string): Promise<void> {
    await queryable(this.db).query(
      `UPDATE users SET failed_sign_ins = 0, locked_until = NULL, password_hash = coalesce($2, password_hash) WHERE id = $1`,
      [userId, newPasswordHash ?? null],
    );
  }

  /**
   * Records the TOTP step just used, only if it is newer than the last one: two requests racing
   * with the same code cannot both win. Also activates MFA on the first good code.
   */
  async claimTotpStep(userId: string, step: number): Promise<{ claimed: boolean; firstEnrollment: boolean }> {
    const rows = await updateReturning<Record<string, unknown>>(
      this.db,
      // A racing UPDATE waits for the row lock, then re-checks the WHERE and finds the step taken.
      `WITH before AS (SELECT mfa_enabled_at IS NULL AS first FROM users WHERE id = $1)
       UPDATE users SET mfa_last_step = $2, mfa_enabled_at = coalesce(mfa_enabled_at, now())
        WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2)
        RETURNING (SELECT first FROM before)`,
      [userId, step],
    );
    const [row] = rows as { first: boolean }[];
    return { claimed: !!row, firstEnrollment: row?.first ?? false };
  }

  async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const rows = await updateReturning<Record<string, unknown>>(
      this.db,
      `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, codeHash],
    );
    return (rows as unknown[]).length === 1;
  }

  async replaceRecoveryCodes(account: { id: string; programId: string }, codeHashes: string[]): Promise<void> {
    await inTransaction(this.db, async () => {
      const tx = queryable(this.db);
      await tx.query(`UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [account.id]);
      await tx.query(
        `INSERT INTO mfa_recovery_codes (program_id, user_id, code_hash) SELECT $1, $2, unnest($3::text[])`,
        [account.programId, account.id, codeHashes],
      );
    });
  }

  /** Stores a new, not yet active MFA secret (enrollment in progress). */
  async storePendingMfaSecret(userId: string, sealed: Buffer): Promise<boolean> {
    const rows = await updateReturning<Record<string, unknown>>(
      this.db,
      `UPDATE users SET mfa_secret = $2, mfa_last_step = NULL WHERE id = $1 AND mfa_enabled_at IS NULL RETURNING id`,
      [userId, sealed],
    );
    return (rows as unknown[]).length === 1;
  }
}
