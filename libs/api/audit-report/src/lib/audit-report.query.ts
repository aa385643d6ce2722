import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { queryable } from '@waypoint/api-database';
import { careTeamPredicate, ParticipantsRepository, SqlParams } from '@waypoint/api-participants';
import type { DataSource } from 'typeorm';
import type { AuditQueryDto } from './audit-query.dto';

export interface AuditEventView {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  participantId: string | null;
  /**
   * The participant's name, only when the caller reaches them in their care team now; else
   * null (the page shows a neutral label). Looked up when the page is read, never stored.
   */
  participantName: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  reason: string | null;
}

const COLUMNS = `e.id::text AS id, e.occurred_at AS "occurredAt", e.actor_id AS "actorId", u.display_name AS "actorName",
  e.actor_role AS "actorRole", e.action, e.resource_type AS "resourceType", e.resource_id AS "resourceId",
  e.participant_id AS "participantId", e.outcome, e.request_id AS "requestId", e.ip, e.user_agent AS "userAgent", e.reason`;

/**
 * Reads of the trail, always inside the caller's program, newest first, one keyset page at a
 * time. `team` limits them to events about participants in the caller's care-team scope (a
 * supervisor's "who looked at my participants").
 */
@Injectable()
export class AuditReportQuery {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: AuditWriter,
    private readonly participants: ParticipantsRepository,
  ) {}

  async page(auth: AuthContext, query: AuditQueryDto, scope: 'program' | 'team'): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
    // Reads are recorded in batches: write what this process holds first, so the report
    // includes every access up to this moment.
    await this.writer.flush();
    const limit = query.limit ?? 50;
    const params = new SqlParams();
    const where = this.#where(auth, query, scope, params);
    if (query.cursor !== undefined) {
      // The cursor carries the last row's time (microseconds, as text) and id, so the next page
      // is a plain index range: no lookup of the id across every monthly partition.
      const after = decodeCursor(query.cursor);
      where.push(`(e.occurred_at, e.id) < (${params.add(after.at)}::timestamptz, ${params.add(after.id)}::bigint)`);
    }
    const rows: (AuditEventView & { cursorAt?: string })[] = await queryable(this.db).query(
      `SELECT ${COLUMNS}, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE ${where.join(' AND ')} ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    const last = rows[limit - 1];
    const nextCursor = rows.length > limit && last ? Buffer.from(`${last.cursorAt}|${last.id}`).toString('base64url') : null;
    const pageRows = rows.slice(0, limit);
    // One query for the page's names, within the caller's scope (and recorded as reads).
    const names = await this.participants.displayNamesInScope(auth, pageRows.map((row) => row.participantId));
    const items = pageRows.map((row) => {
      const item = { ...row, participantName: row.participantId ? (names.get(row.participantId) ?? null) : null };
      delete item.cursorAt; // paging detail, not part of the event
      return item;
    });
    return { items, nextCursor };
  }

  /** The whole filtered set, a batch at a time (for the streamed CSV export). */
  async *batches(auth: AuthContext, query: AuditQueryDto, batchSize = 1000): AsyncGenerator<AuditEventView[]> {
    let cursor: string | undefined;
    for (;;) {
      const page = await this.page(auth, { ...query, limit: batchSize, cursor }, 'program');
      if (page.items.length > 0) yield page.items;
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }

  /** The latest events about one participant (the caller has already been checked for scope). */
  async recentForParticipant(auth: AuthContext, participantId: string, limit = 10) {
    await this.writer.flush();
    return queryable(this.db).query(
      `SELECT e.occurred_at AS "occurredAt", u.display_name AS "actorName", e.actor_role AS "actorRole", e.action, e.outcome
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.program_id = $1 AND e.participant_id = $2
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT $3`,
      [auth.programId, participantId, limit],
    );
  }

  #where(auth: AuthContext, query: AuditQueryDto, scope: 'program' | 'team', params: SqlParams): string[] {
    const where = [`e.program_id = ${params.add(auth.programId)}`];
    if (query.from) where.push(`e.occurred_at >= ${params.add(query.from)}::timestamptz`);
    if (query.to) where.push(`e.occurred_at < ${params.add(query.to)}::timestamptz`);
    if (query.actorId) where.push(`e.actor_id = ${params.add(query.actorId)}::uuid`);
    if (query.participantId) where.push(`e.participant_id = ${params.add(query.participantId)}::uuid`);
    if (query.action) where.push(`e.action = ${params.add(query.action)}`);
    if (query.outcome) where.push(`e.outcome = ${params.add(query.outcome)}`);
    if (scope === 'team') {
      where.push(`e.participant_id IN (SELECT p.id FROM participants p WHERE ${careTeamPredicate(auth, params, 'p')})`);
    }
    return where;
  }
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)\|([1-9][0-9]{0,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new BadRequestException('The cursor is not valid; start from the first page.');
  return { at: match[1], id: match[2] };
}
