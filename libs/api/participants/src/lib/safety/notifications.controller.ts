import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { Audited, AuditContext, NotAudited } from '@waypoint/api-audit';
import { type AuthContext, CurrentUser, RequirePermission } from '@waypoint/api-auth';
import { preparedQuery, queryable, updateReturning } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';
import { careTeamPredicate } from '../access/participant-scope';
import { SqlParams } from '../access/sql-params';

/**
 * The caller's in-app notifications, newest first (the latest 50). A participant's name (and the
 * note a notification links to) is included only while that participant is in the caller's
 * care-team scope; the list is audited because those names are participant data.
 */
@ApiTags('notifications')
@RequirePermission('session:own')
@Controller('notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Audited({ action: 'notification.list', resourceType: 'notification' })
  async list(@CurrentUser() auth: AuthContext) {
    const params = new SqlParams();
    const items: { participantId: string | null; participantName: string | null }[] = await queryable(this.db).query(
      `SELECT n.id, n.kind, n.created_at AS "createdAt", n.read_at AS "readAt", a.display_name AS "actorName",
              CASE WHEN ${careTeamPredicate(auth, params, 'p')} THEN n.participant_id END AS "participantId",
              CASE WHEN ${careTeamPredicate(auth, params, 'p')} THEN n.note_id END AS "noteId",
              CASE WHEN ${careTeamPredicate(auth, params, 'p')} THEN coalesce(p.preferred_name, p.legal_first_name) || ' ' || p.legal_last_name END AS "participantName"
         FROM notifications n LEFT JOIN participants p ON p.id = n.participant_id LEFT JOIN users a ON a.id = n.actor_id
        WHERE n.user_id = ${params.add(auth.userId)} AND n.program_id = ${params.add(auth.programId)}
        ORDER BY n.created_at DESC, n.id LIMIT 50`,
      params.values,
    );
    AuditContext.touch(items.flatMap((item) => (item.participantName && item.participantId ? [item.participantId] : [])));
    return { items, unread: items.filter((item) => !(item as { readAt?: unknown }).readAt).length };
  }

  /**
   * Just the number unread, for the top bar's badge. It names no participant, so it is not
   * participant data and writes no audit row: the badge can ask on every navigation without
   * filling the trail (or supervisors' "recent access" lists) with its checks.
   */
  @Get('unread-count')
  @NotAudited('A count of the caller\'s own unread notifications: names no participant')
  async unreadCount(@CurrentUser() auth: AuthContext): Promise<{ unread: number }> {
    const [row] = await preparedQuery<{ unread: number }>(
      this.db,
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND program_id = $2 AND read_at IS NULL`,
      [auth.userId, auth.programId],
    );
    return { unread: row?.unread ?? 0 };
  }

  @Post(':id/read')
  @HttpCode(204)
  @Audited({ action: 'notification.read', resourceType: 'notification', idParam: 'id' })
  async markRead(@CurrentUser() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const rows = await updateReturning(
      queryable(this.db),
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, auth.userId],
    );
    if (rows.length === 0) throw new NotFoundException('No such notification.');
  }
}
