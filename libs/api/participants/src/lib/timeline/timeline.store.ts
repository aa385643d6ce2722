import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthContext } from '@waypoint/api-auth';
import { programDayOfSql, queryable } from '@waypoint/api-database';
import { type TimelineKind, TimelineKinds } from '@waypoint/shared-contracts';
import type { DataSource } from 'typeorm';
import { ParticipantsRepository } from '../access/participants.repository';
import { isCalendarDate, isMicrosecondTimestamp, UUID_PATTERN } from '../access/cursor-values';
import { SqlParams } from '../access/sql-params';

/**
 * One SELECT per kind of entry, each producing the same columns. `detail` is what the entry
 * shows; it is spread into the response item, so its keys are the API's field names.
 * `{scope}` is replaced by the participant predicate for the branch's alias. `on` is the
 * program's calendar day (program-clock.ts), so an evening contact is not filed under tomorrow.
 */
const SOURCES: Record<TimelineKind, { alias: string; on: string; at: string; by: string; detail: string; from: string; where?: string }> = {
  // Every note, drafts included: the contact happened whether or not the note is finished.
  'session-note': {
    alias: 'n',
    on: programDayOfSql('n.started_at', 'n.program_id'),
    at: 'n.started_at',
    by: 'n.author_id',
    detail: `jsonb_build_object('contactType', n.contact_type, 'modality', n.modality, 'durationMinutes', (extract(epoch FROM n.ended_at - n.started_at) / 60)::int,
                               'units', n.units, 'status', n.status)`,
    from: 'session_notes n',
  },
  'status-change': {
    alias: 's',
    on: 's.effective_on',
    at: 's.created_at',
    by: 's.changed_by',
    detail: `jsonb_build_object('fromStatus', s.from_status, 'toStatus', s.to_status, 'reason', s.reason)`,
    from: 'participant_status_changes s',
  },
  'goal-created': {
    alias: 'g',
    on: programDayOfSql('g.created_at', 'g.program_id'),
    at: 'g.created_at',
    by: 'g.created_by',
    detail: `jsonb_build_object('goalId', g.id, 'dimension', g.dimension, 'statement', g.statement)`,
    from: 'goals g',
  },
  // Only a goal's latest status change is kept (on the goal), so that is what the feed shows.
  'goal-status': {
    alias: 'g',
    on: 'g.status_changed_on',
    at: `(g.status_changed_on::timestamp AT TIME ZONE 'UTC')`,
    by: 'NULL::uuid',
    detail: `jsonb_build_object('goalId', g.id, 'dimension', g.dimension, 'statement', g.statement, 'status', g.status, 'reason', g.status_reason)`,
    from: 'goals g',
    where: `g.status <> 'active' AND g.status_changed_on IS NOT NULL`,
  },
  'goal-progress': {
    alias: 'g',
    on: 'gp.recorded_on',
    at: 'gp.created_at',
    by: 'gp.recorded_by',
    detail: `jsonb_build_object('goalId', g.id, 'dimension', g.dimension, 'statement', g.statement, 'rating', gp.rating, 'comment', gp.comment)`,
    from: 'goals g JOIN goal_progress gp ON gp.goal_id = g.id',
  },
  assessment: {
    alias: 'a',
    on: 'a.taken_on',
    at: 'a.created_at',
    by: 'a.recorded_by',
    detail: `jsonb_build_object('total', a.total)`,
    from: 'assessments a',
  },
  'safety-event': {
    alias: 'e',
    on: 'e.occurred_on',
    at: 'e.created_at',
    by: 'e.recorded_by',
    detail: `jsonb_build_object('safetyKind', e.kind, 'description', e.description, 'followUp', e.follow_up)`,
    from: 'safety_events e',
  },
  // Who ticked a task off is not stored; the feed says when, not by whom.
  'task-done': {
    alias: 't',
    on: programDayOfSql('t.done_at', 't.program_id'),
    at: 't.done_at',
    by: 'NULL::uuid',
    detail: `jsonb_build_object('title', t.title)`,
    from: 'tasks t',
    where: 't.done_at IS NOT NULL',
  },
};

/** The source row id of each branch (goal entries are keyed by the goal, progress by its own row). */
const SOURCE_ID: Record<TimelineKind, string> = {
  'session-note': 'n.id',
  'status-change': 's.id',
  'goal-created': 'g.id',
  'goal-status': 'g.id',
  'goal-progress': 'gp.id',
  assessment: 'a.id',
  'safety-event': 'e.id',
  'task-done': 't.id',
};

/** Microsecond ISO text: exact for the cursor, and a valid ISO 8601 timestamp for the client. */
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

interface TimelineCursor {
  on: string;
  at: string;
  kind: TimelineKind;
  id: string;
}

export interface TimelineQuery {
  limit: number;
  cursor?: string;
  kinds?: TimelineKind[];
}

/**
 * A participant's timeline: session notes, status changes, goals, progress, BARC-10s, safety
 * events and completed tasks in one feed, newest first, keyset-paginated on (date, recorded at, kind, id).
 * Each branch applies the cursor and its own LIMIT before the merge, so a page reads at most
 * `limit + 1` rows per kind on the participant's indexes, however long the history.
 */
@Injectable()
export class TimelineStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly participants: ParticipantsRepository,
  ) {}

  async page(auth: AuthContext, participantId: string, query: TimelineQuery) {
    await this.participants.requireInScope(auth, participantId);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const params = new SqlParams();
    const program = params.add(auth.programId);
    const participant = params.add(participantId);
    const limit = params.add(query.limit + 1);
    const kinds = query.kinds?.length ? query.kinds : TimelineKinds;
    const branches = kinds.map((kind) => {
      const source = SOURCES[kind];
      const key = `(${source.on}, ${source.at}, '${kind}'::text, ${SOURCE_ID[kind]})`;
      const where = [`${source.alias}.program_id = ${program}`, `${source.alias}.participant_id = ${participant}`];
      if (source.where) where.push(source.where);
      if (after) {
        where.push(
          `${key} < (${params.add(after.on)}::date, ${params.add(after.at)}::timestamptz, ${params.add(after.kind)}::text, ${params.add(after.id)}::uuid)`,
        );
      }
      return `(SELECT '${kind}'::text AS kind, ${SOURCE_ID[kind]} AS source_id, ${source.on} AS on_date, ${source.at} AS recorded_at,
                      ${source.by} AS by_id, ${source.detail} AS detail
                 FROM ${source.from} WHERE ${where.join(' AND ')}
                ORDER BY 3 DESC, 4 DESC, 2 DESC LIMIT ${limit})`;
    });
    const rows: TimelineRow[] = await queryable(this.db).query(
      `SELECT e.kind, e.source_id AS "sourceId", e.on_date::text AS "on", to_char(e.recorded_at AT TIME ZONE 'UTC', ${ISO}) AS "recordedAt",
              u.display_name AS "byName", e.detail
         FROM (${branches.join(' UNION ALL ')}) e LEFT JOIN users u ON u.id = e.by_id
        ORDER BY e.on_date DESC, e.recorded_at DESC, e.kind DESC, e.source_id DESC
        LIMIT ${limit}`,
      params.values,
    );
    const pageRows = rows.slice(0, query.limit);
    const last = pageRows[pageRows.length - 1];
    return {
      items: pageRows.map(({ detail, ...row }) => ({ id: `${row.kind}:${row.sourceId}`, ...row, ...detail })),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }
}

interface TimelineRow {
  kind: TimelineKind;
  sourceId: string;
  on: string;
  recordedAt: string;
  byName: string | null;
  detail: Record<string, unknown>;
}

function encodeCursor(row: TimelineRow): string {
  const cursor: TimelineCursor = { on: row.on, at: row.recordedAt, kind: row.kind, id: row.sourceId };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): TimelineCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<TimelineCursor>;
    if (
      isCalendarDate(value.on) &&
      isMicrosecondTimestamp(value.at) &&
      (TimelineKinds as readonly string[]).includes(value.kind as string) &&
      typeof value.id === 'string' &&
      UUID_PATTERN.test(value.id)
    ) {
      return value as TimelineCursor;
    }
  } catch {
    // fall through: any malformed cursor gets the same answer
  }
  throw new BadRequestException('The cursor is not valid; start from the first page.');
}
