import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import { queryable, updateReturning } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';
import { ParticipantsRepository } from '../access/participants.repository';
import type { RequestBreakGlassDto } from './break-glass.dto';

export interface BreakGlassGrant {
  id: string;
  participantId: string;
  grantedAt: Date;
  expiresAt: Date;
}

/** Emergency grants: created with a reason, bounded in time, each one reviewed by someone else. */
@Injectable()
export class BreakGlassStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly participants: ParticipantsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async grant(auth: AuthContext, request: RequestBreakGlassDto): Promise<BreakGlassGrant> {
    // The reason goes on the audit row whatever happens next, refusals included.
    AuditContext.annotate({ reason: request.reason.trim() });
    const matches = await this.participants.identifyForEmergency(auth, request);
    if (matches.length !== 1) {
      if (matches.length === 0) throw new NotFoundException('No participant in your program matches. Check the details and try again.');
      throw new ConflictException('More than one participant matches. Add the first name, or ask for the participant’s record id.');
    }
    const [match] = matches;
    if (match.inCareTeamScope) throw new ConflictException('You already have access to this participant; no emergency access is needed.');
    const [grant]: BreakGlassGrant[] = await queryable(this.db).query(
      `INSERT INTO break_glass_grants (program_id, user_id, participant_id, reason, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))
       RETURNING id, participant_id AS "participantId", granted_at AS "grantedAt", expires_at AS "expiresAt"`,
      [auth.programId, auth.userId, match.id, request.reason.trim(), this.config.access.breakGlassMinutes],
    );
    AuditContext.touch([grant.participantId]);
    AuditContext.annotate({ resourceId: grant.id });
    return grant;
  }

  /** The caller's unexpired grants: what the dashboard's emergency-access banner shows. */
  async active(auth: AuthContext) {
    const grants: { participantId: string }[] = await queryable(this.db).query(
      `SELECT g.id, g.participant_id AS "participantId", g.granted_at AS "grantedAt", g.expires_at AS "expiresAt",
              coalesce(p.preferred_name, p.legal_first_name) || ' ' || p.legal_last_name AS "participantName"
         FROM break_glass_grants g JOIN participants p ON p.id = g.participant_id AND p.program_id = g.program_id
        WHERE g.program_id = $1 AND g.user_id = $2 AND g.expires_at > now()
        ORDER BY g.expires_at LIMIT 20`,
      [auth.programId, auth.userId],
    );
    AuditContext.touch(grants.map((grant) => grant.participantId));
    return grants;
  }

  /**
   * Every grant in the program, newest first, for review. Reviewers see who asked, why and
   * when, and the participant only as initials and id: reviewing the access is not a reason
   * to learn whose record it was.
   */
  async reviews(auth: AuthContext, page: { pendingOnly: boolean; limit: number; cursor?: string }) {
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
    const rows: (Record<string, unknown> & { id: string })[] = await queryable(this.db).query(
      `SELECT g.id, g.granted_at AS "grantedAt", g.expires_at AS "expiresAt", g.expires_at > now() AS "active", g.reason,
              g.user_id AS "requesterId", requester.display_name AS "requesterName", requester.role AS "requesterRole",
              g.participant_id AS "participantId",
              upper(left(p.legal_first_name, 1) || left(p.legal_last_name, 1)) AS "participantInitials",
              g.reviewed_at AS "reviewedAt", reviewer.display_name AS "reviewerName", g.review_note AS "reviewNote"
         FROM break_glass_grants g
         JOIN users requester ON requester.id = g.user_id
         JOIN participants p ON p.id = g.participant_id AND p.program_id = g.program_id
         LEFT JOIN users reviewer ON reviewer.id = g.reviewed_by
        WHERE g.program_id = $1 AND (NOT $2::boolean OR g.reviewed_at IS NULL)
          AND ($3::uuid IS NULL OR (g.granted_at, g.id) < (SELECT c.granted_at, c.id FROM break_glass_grants c WHERE c.id = $3 AND c.program_id = $1))
        ORDER BY g.granted_at DESC, g.id DESC LIMIT $4`,
      [auth.programId, page.pendingOnly, after ?? null, page.limit + 1],
    );
    const items = rows.slice(0, page.limit);
    AuditContext.touch(items.map((item) => String(item['participantId'])));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null };
  }

  async acknowledge(auth: AuthContext, grantId: string, note: string | undefined): Promise<void> {
    const updated = await updateReturning(
      queryable(this.db),
      `UPDATE break_glass_grants SET reviewed_by = $3, reviewed_at = now(), review_note = $4
        WHERE id = $1 AND program_id = $2 AND reviewed_at IS NULL AND user_id <> $3 RETURNING id`,
      [grantId, auth.programId, auth.userId, note?.trim() || null],
    );
    if (updated.length === 1) return;
    const [grant] = await queryable(this.db).query(
      `SELECT user_id AS "userId", reviewed_at AS "reviewedAt" FROM break_glass_grants WHERE id = $1 AND program_id = $2`,
      [grantId, auth.programId],
    );
    if (!grant) throw new NotFoundException('No such emergency access.');
    if (grant.userId === auth.userId) throw new ConflictException('Another supervisor or admin must review your own emergency access.');
    throw new ConflictException('This emergency access has already been reviewed.');
  }
}

// The cursor is the last grant's id; the query compares at the database's full timestamp
// precision (JavaScript dates would round to milliseconds and could skip a row).
function encodeCursor(row: { id: string }): string {
  return Buffer.from(row.id, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new BadRequestException('The cursor is not valid; start from the first page.');
  }
  return id;
}
