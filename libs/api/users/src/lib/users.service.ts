import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import { type AuthContext, SecurityEvents, SessionStore } from '@waypoint/api-auth';
import { hashPassword } from '@waypoint/api-credentials';
import { inTransaction, queryable, updateReturning } from '@waypoint/api-database';
import { staleVersion } from '@waypoint/api-http';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { decodeCursor, encodeCursor, USER_VIEW_COLUMNS, USER_VIEW_FROM, type UserView } from './user-row';

/**
 * User administration inside the admin's own program (never across programs: another
 * program's user is 404). Each command is one statement or one transaction.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionStore,
    private readonly events: SecurityEvents,
  ) {}

  async list(admin: AuthContext, limit = 25, cursor?: string): Promise<{ items: UserView[]; nextCursor: string | null }> {
    const after = cursor ? decodeCursor(cursor) : undefined;
    if (cursor && !after) throw new BadRequestException('The cursor is not valid; start from the first page.');
    const rows: UserView[] = await queryable(this.db).query(
      `SELECT ${USER_VIEW_COLUMNS} FROM ${USER_VIEW_FROM}
        WHERE u.program_id = $1 AND ($2::citext IS NULL OR u.email > $2::citext)
        ORDER BY u.email LIMIT $3`,
      [admin.programId, after ?? null, limit + 1],
    );
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
  }

  async get(admin: AuthContext, id: string): Promise<UserView> {
    const [row] = await queryable(this.db).query(`SELECT ${USER_VIEW_COLUMNS} FROM ${USER_VIEW_FROM} WHERE u.id = $1 AND u.program_id = $2`, [id, admin.programId]);
    if (!row) throw new NotFoundException('No such user.');
    return row;
  }

  /** Invites a user with a temporary password, shown once; MFA is enrolled at first sign-in. */
  async create(admin: AuthContext, dto: CreateUserDto): Promise<{ user: UserView; temporaryPassword: string }> {
    await this.assertTeamAndOrganization(admin, dto.teamId, dto.organizationId);
    const temporaryPassword = randomBytes(12).toString('base64url'); // 96 bits, never stored in clear
    const existing = await queryable(this.db).query(`SELECT 1 FROM users WHERE email = $1`, [dto.email]);
    if (existing.length > 0) throw new ConflictException('A user with this email already exists.');
    const [row] = await queryable(this.db).query(
      `INSERT INTO users (program_id, email, display_name, role, team_id, organization_id, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [admin.programId, dto.email, dto.displayName, dto.role, dto.teamId ?? null, dto.organizationId ?? null, await hashPassword(temporaryPassword)],
    );
    AuditContext.annotate({ resourceId: row.id });
    return { user: await this.get(admin, row.id), temporaryPassword };
  }

  async update(admin: AuthContext, id: string, dto: UpdateUserDto): Promise<UserView> {
    if (id === admin.userId && dto.role !== undefined && dto.role !== admin.role) {
      throw new ConflictException('You cannot change your own role; ask another admin.');
    }
    if (dto.teamId) await this.assertTeamAndOrganization(admin, dto.teamId, undefined);
    const updated = await updateReturning(
      queryable(this.db),
      `UPDATE users SET display_name = coalesce($4, display_name), role = coalesce($5, role),
              team_id = CASE WHEN $6::boolean THEN $7::uuid ELSE team_id END, version = version + 1
        WHERE id = $1 AND program_id = $2 AND version = $3 RETURNING id`,
      [id, admin.programId, dto.version, dto.displayName ?? null, dto.role ?? null, dto.teamId !== undefined, dto.teamId ?? null],
    );
    if (updated.length === 0) {
      const current = await this.get(admin, id); // 404 when it is not there (or not ours)
      throw new ConflictException(`This user was changed by someone else (now version ${current.version}); reload and try again.`);
    }
    if (dto.role !== undefined) {
      await this.sessions.endEverySession(id, 'role-changed');
      await this.events.record('user.role-change', 'success', {
        programId: admin.programId,
        actorId: admin.userId,
        actorRole: admin.role,
        resourceType: 'user',
        resourceId: id,
      });
    }
    return this.get(admin, id);
  }

  async setStatus(admin: AuthContext, id: string, status: 'active' | 'disabled'): Promise<UserView> {
    if (id === admin.userId && status === 'disabled') throw new ConflictException('You cannot disable your own account.');
    const updated = await updateReturning(
      queryable(this.db),
      `UPDATE users SET status = $3, version = version + 1 WHERE id = $1 AND program_id = $2 RETURNING id`,
      [id, admin.programId, status],
    );
    if (updated.length === 0) throw new NotFoundException('No such user.');
    if (status === 'disabled') await this.sessions.endEverySession(id, 'account-disabled');
    return this.get(admin, id);
  }

  /**
   * Ends a lockout after failed sign-ins and starts the failure count again. Guarded by the
   * version like an edit, so two admins acting on an old screen cannot both act unknowingly.
   */
  async unlock(admin: AuthContext, id: string, version: number): Promise<UserView> {
    const updated = await updateReturning(
      queryable(this.db),
      `UPDATE users SET locked_until = NULL, failed_sign_ins = 0, version = version + 1
        WHERE id = $1 AND program_id = $2 AND version = $3 RETURNING id`,
      [id, admin.programId, version],
    );
    if (updated.length === 0) throw staleVersion('user', (await this.get(admin, id)).version); // or 404 when not ours
    return this.get(admin, id);
  }

  /** Forgets the MFA secret and recovery codes; the user enrolls again at the next sign-in. */
  async resetMfa(admin: AuthContext, id: string): Promise<UserView> {
    await this.get(admin, id);
    await inTransaction(this.db, async () => {
      const tx = queryable(this.db);
      await tx.query(
        `UPDATE users SET mfa_secret = NULL, mfa_enabled_at = NULL, mfa_last_step = NULL, version = version + 1 WHERE id = $1`,
        [id],
      );
      await tx.query(`UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [id]);
    });
    await this.sessions.endEverySession(id, 'mfa-reset');
    return this.get(admin, id);
  }

  async signOutEverywhere(admin: AuthContext, id: string): Promise<UserView> {
    await this.get(admin, id);
    await this.sessions.endEverySession(id, 'signed-out-everywhere');
    return this.get(admin, id);
  }

  private async assertTeamAndOrganization(admin: AuthContext, teamId?: string, organizationId?: string): Promise<void> {
    if (teamId) {
      const team = await queryable(this.db).query(`SELECT 1 FROM teams WHERE id = $1 AND program_id = $2`, [teamId, admin.programId]);
      if (team.length === 0) throw new BadRequestException('The team does not exist in your program.');
    }
    if (organizationId) {
      const org = await queryable(this.db).query(`SELECT 1 FROM organizations WHERE id = $1 AND program_id = $2`, [organizationId, admin.programId]);
      if (org.length === 0) throw new BadRequestException('The organization does not exist in your program.');
    }
  }
}
