import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import type { Role } from '@waypoint/shared-contracts';
import { createHash, randomBytes } from 'node:crypto';
import { inTransaction, queryable, updateReturning } from '@waypoint/api-database';
import type { DataSource, EntityManager } from 'typeorm';

export interface ActiveSession {
  sessionId: string;
  userId: string;
  programId: string;
  role: Role;
  teamId: string | null;
  organizationId: string | null;
  idleExpiresAt: Date;
  expiresAt: Date;
  /** Whether the idle deadline is due to be extended (last extended over 30 seconds ago). */
  dueForTouch: boolean;
}

export type RotateOutcome =
  | { outcome: 'rotated'; sessionId: string; userId: string; refreshToken: string }
  | { outcome: 'reused'; sessionId: string; userId: string; programId: string }
  | { outcome: 'invalid' };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/**
 * Sessions live in PostgreSQL (no server memory), so any API replica can check or end one and
 * logout, disable or "sign out everywhere" take effect on the next request. Refresh tokens
 * rotate on every use; presenting a used one again revokes the whole session.
 */
@Injectable()
export class SessionStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get idle(): string {
    return `${this.config.sessions.idleMinutes} minutes`;
  }

  async create(
    user: { id: string; programId: string },
    client: { ip?: string; userAgent?: string },
  ): Promise<{ sessionId: string; refreshToken: string }> {
    return inTransaction(this.db, async () => {
      const tx = queryable(this.db);
      const [session] = await tx.query(
        `INSERT INTO auth_sessions (program_id, user_id, idle_expires_at, expires_at, ip, user_agent)
         VALUES ($1, $2, now() + $3::interval, now() + $4::interval, $5, $6) RETURNING id`,
        [user.programId, user.id, this.idle, `${this.config.sessions.absoluteHours} hours`, client.ip?.slice(0, 64) ?? null, client.userAgent?.slice(0, 300) ?? null],
      );
      const refreshToken = await this.issueRefreshToken(tx, session.id);
      return { sessionId: session.id as string, refreshToken };
    });
  }

  /** The session behind a request, if it is still valid in every respect. */
  async findActive(sessionId: string, userId: string): Promise<ActiveSession | undefined> {
    const [row] = await queryable(this.db).query(
      `SELECT s.id AS "sessionId", u.id AS "userId", u.program_id AS "programId", u.role, u.team_id AS "teamId",
              u.organization_id AS "organizationId", s.idle_expires_at AS "idleExpiresAt", s.expires_at AS "expiresAt",
              s.last_seen_at < now() - interval '30 seconds' AS "dueForTouch"
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.idle_expires_at > now() AND u.status = 'active' AND s.created_at > u.sessions_valid_after`,
      [sessionId, userId],
    );
    return row as ActiveSession | undefined;
  }

  /**
   * Extends the idle deadline. Callers check `dueForTouch` first, so most requests cost one
   * query (the session lookup) and the write happens at most every 30 seconds per session.
   */
  async touch(sessionId: string): Promise<void> {
    await queryable(this.db).query(
      `UPDATE auth_sessions SET last_seen_at = now(), idle_expires_at = least(now() + $2::interval, expires_at)
        WHERE id = $1 AND last_seen_at < now() - interval '30 seconds'`,
      [sessionId, this.idle],
    );
  }

  async rotate(refreshToken: string): Promise<RotateOutcome> {
    return inTransaction(this.db, async () => {
      const tx = queryable(this.db);
      const [row] = await tx.query(
        `SELECT t.used_at AS "usedAt", s.id AS "sessionId", s.user_id AS "userId", s.program_id AS "programId",
                (s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now()
                 AND u.status = 'active' AND s.created_at > u.sessions_valid_after) AS "valid"
           FROM auth_refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id
          WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
        [hashToken(refreshToken)],
      );
      if (!row) return { outcome: 'invalid' };
      if (row.usedAt) {
        await this.revokeWith(tx, row.sessionId, 'refresh-token-reuse');
        return { outcome: 'reused', sessionId: row.sessionId, userId: row.userId, programId: row.programId };
      }
      if (!row.valid) return { outcome: 'invalid' };
      await tx.query(`UPDATE auth_refresh_tokens SET used_at = now() WHERE token_hash = $1`, [hashToken(refreshToken)]);
      await tx.query(
        `UPDATE auth_sessions SET last_seen_at = now(), idle_expires_at = least(now() + $2::interval, expires_at) WHERE id = $1`,
        [row.sessionId, this.idle],
      );
      const next = await this.issueRefreshToken(tx, row.sessionId);
      return { outcome: 'rotated', sessionId: row.sessionId, userId: row.userId, refreshToken: next };
    });
  }

  revoke(sessionId: string, reason: string): Promise<void> {
    return this.revokeWith(queryable(this.db), sessionId, reason);
  }

  /**
   * Ends every session of a user, on every replica at once: revokes the open ones and refuses
   * any session created before now (disable, role change, MFA reset, "sign out everywhere").
   */
  async endEverySession(userId: string, reason: string): Promise<void> {
    await inTransaction(this.db, async () => {
      const tx = queryable(this.db);
      await tx.query(`UPDATE users SET sessions_valid_after = now() WHERE id = $1`, [userId]);
      await tx.query(
        `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId, reason],
      );
    });
  }

  /** Ends every session of a user but, optionally, the caller's own (password change). */
  async revokeAllForUser(userId: string, reason: string, keepSessionId?: string): Promise<number> {
    const rows = await updateReturning<Record<string, unknown>>(
      this.db,
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND id <> coalesce($3::uuid, '00000000-0000-0000-0000-000000000000')
        RETURNING id`,
      [userId, reason, keepSessionId ?? null],
    );
    return (rows as unknown[]).length;
  }

  async listActive(userId: string) {
    return queryable(this.db).query(
      `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", user_agent AS "userAgent"
         FROM auth_sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND idle_expires_at > now()
        ORDER BY last_seen_at DESC LIMIT 50`,
      [userId],
    ) as Promise<{ id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; userAgent: string | null }[]>;
  }

  /** Ends one of the caller's own sessions; false when it is not theirs (or already ended). */
  async revokeOwn(userId: string, sessionId: string): Promise<boolean> {
    const rows = await updateReturning<Record<string, unknown>>(
      this.db,
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'ended-by-user'
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [sessionId, userId],
    );
    return (rows as unknown[]).length === 1;
  }

  private async revokeWith(tx: Pick<EntityManager, 'query'>, sessionId: string, reason: string): Promise<void> {
    await tx.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  private async issueRefreshToken(tx: Pick<EntityManager, 'query'>, sessionId: string): Promise<string> {
    const token = newToken();
    await tx.query(`INSERT INTO auth_refresh_tokens (token_hash, session_id) VALUES ($1, $2)`, [hashToken(token), sessionId]);
    return token;
  }
}
