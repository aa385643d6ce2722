import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import { preparedQuery, queryable, updateReturning } from '@waypoint/api-database';
import type { Role } from '@waypoint/shared-contracts';
import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../guard/auth-context';

/** Recognisable prefix, so a leaked token is easy to find in logs and secret scanners. */
export const API_TOKEN_PREFIX = 'wpt_';
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ApiTokenCaller {
  tokenId: string;
  userId: string;
  programId: string;
  /** The user's role now; the token's role limits it further. */
  role: Role;
  tokenRole: Role;
  teamId: string | null;
  organizationId: string | null;
}

@Injectable()
export class ApiTokenStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Issues a token for a user of the admin's program; the secret is returned once, never stored. */
  async issue(admin: AuthContext, input: { userId: string; name: string; expiresInDays: number }) {
    const [user] = await queryable(this.db).query(`SELECT role FROM users WHERE id = $1 AND program_id = $2 AND status = 'active'`, [
      input.userId,
      admin.programId,
    ]);
    if (!user) throw new NotFoundException('No such active user.');
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const [row] = await queryable(this.db).query(
      `INSERT INTO api_tokens (program_id, user_id, name, role, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + $7 * interval '1 day')
       RETURNING id, name, role, created_at AS "createdAt", expires_at AS "expiresAt"`,
      [admin.programId, input.userId, input.name, user.role, hash(token), admin.userId, input.expiresInDays],
    );
    AuditContext.annotate({ resourceId: row.id });
    return { ...row, userId: input.userId, token };
  }

  async list(admin: AuthContext) {
    const items = await queryable(this.db).query(
      `SELECT t.id, t.name, t.role, t.user_id AS "userId", u.email AS "userEmail", t.created_at AS "createdAt",
              t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt", t.revoked_at AS "revokedAt"
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.program_id = $1 ORDER BY t.created_at DESC LIMIT 100`,
      [admin.programId],
    );
    return { items };
  }

  async revoke(admin: AuthContext, id: string): Promise<void> {
    const rows = await updateReturning(
      queryable(this.db),
      `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND program_id = $2 RETURNING id`,
      [id, admin.programId],
    );
    if (rows.length === 0) throw new NotFoundException('No such API token.');
  }

  /** The caller behind a presented token, if it is live and its user is active. */
  async authenticate(presented: string): Promise<ApiTokenCaller | undefined> {
    if (!presented.startsWith(API_TOKEN_PREFIX) || presented.length > 200) return undefined;
    // Whether last_used_at is due comes with the lookup, so a request costs one round trip
    // and the row is written at most once a minute (the UPDATE re-checks, so racing requests
    // write it once).
    const [row] = await preparedQuery<ApiTokenCaller & { dueForTouch: boolean }>(
      this.db,
      `SELECT t.id AS "tokenId", u.id AS "userId", u.program_id AS "programId", u.role, t.role AS "tokenRole",
              u.team_id AS "teamId", u.organization_id AS "organizationId",
              (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS "dueForTouch"
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.status = 'active'`,
      [hash(presented)],
    );
    if (!row) return undefined;
    const { dueForTouch, ...caller } = row;
    if (dueForTouch) {
      await queryable(this.db).query(
        `UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [row.tokenId],
      );
    }
    return caller;
  }
}

