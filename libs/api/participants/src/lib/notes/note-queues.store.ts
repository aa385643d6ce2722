import { BadRequestException, HttpException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { APP_CONFIG, type AppConfig } from '@waypoint/api-config';
import { inTransaction, queryable } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';
import { isMicrosecondTimestamp, UUID_PATTERN, withoutCursorColumn } from '../access/cursor-values';
import { careTeamPredicate, supervisedTeamPredicate } from '../access/participant-scope';
import { SqlParams } from '../access/sql-params';
import { NoteLifecycleStore } from './note-lifecycle.store';
import { withCapFacts } from './note-rules';
import { NOTE_COLUMNS, NOTE_FROM, PARTICIPANT_NAME } from './notes.store';

/** The columns of NOTE_COLUMNS the cap facts are worked out from. */
type CapInput = { durationMinutes: number; contactType: string; units: number };

/**
 * The lists around the notes: the supervisor's co-sign queue (their team's submitted and signed
 * notes, oldest first, with counts per specialist), bulk co-signing, and an author's own returned
 * notes and drafts. Every list keeps to the caller's care-team scope.
 */
@Injectable()
export class NoteQueuesStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'notes' | 'billing'>,
    private readonly lifecycle: NoteLifecycleStore,
  ) {}

  async cosignQueue(auth: AuthContext, query: { limit?: number; cursor?: string }) {
    const limit = query.limit ?? 25;
    const params = new SqlParams();
    const keyset: string[] = [];
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      keyset.push(`(w.submitted_at, w.id) > (${params.add(after.at)}::timestamptz, ${params.add(after.id)}::uuid)`);
    }
    const rows: { id: string; participantId: string; cursorAt: string }[] = await queryable(this.db).query(
      `WITH ${this.#awaiting(auth, params)}, page AS (
         SELECT w.id, w.submitted_at FROM awaiting w JOIN participants p ON p.id = w.participant_id
          WHERE ${[careTeamPredicate(auth, params, 'p'), ...keyset].join(' AND ')}
          ORDER BY w.submitted_at, w.id LIMIT ${params.add(limit + 1)})
       SELECT ${NOTE_COLUMNS}, ${PARTICIPANT_NAME} AS "participantName",
              to_char(n.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
         FROM page JOIN ${NOTE_FROM} ON n.id = page.id JOIN participants p ON p.id = n.participant_id
        ORDER BY page.submitted_at, page.id`,
      params.values,
    );
    const countParams = new SqlParams();
    const counts = await queryable(this.db).query(
      `WITH ${this.#awaiting(auth, countParams)}
       SELECT w.author_id AS "authorId", au.display_name AS "authorName", count(*)::int AS awaiting
         FROM awaiting w JOIN users au ON au.id = w.author_id JOIN participants p ON p.id = w.participant_id
        WHERE ${careTeamPredicate(auth, countParams, 'p')}
        GROUP BY w.author_id, au.display_name ORDER BY au.display_name`,
      countParams.values,
    );
    const page = rows.slice(0, limit);
    AuditContext.touch(page.map((row) => row.participantId));
    const last = page.at(-1);
    return {
      items: withoutCursorColumn(page, 'cursorAt').map((note) => withCapFacts(note as typeof note & CapInput, this.config.billing)),
      nextCursor: rows.length > limit && last ? Buffer.from(`${last.cursorAt}|${last.id}`).toString('base64url') : null,
      counts,
    };
  }

  /**
   * Co-signs each note in its own savepoint, so one stale or already co-signed note neither
   * stops nor undoes the others; the answer says which went through and why the rest did not.
   * Savepoints need one transaction: joined if the caller has one, opened here if not.
   */
  cosignMany(auth: AuthContext, notes: { id: string; version: number }[]) {
    return inTransaction(this.db, () => this.#cosignEach(auth, notes));
  }

  async #cosignEach(auth: AuthContext, notes: { id: string; version: number }[]) {
    const cosigned: unknown[] = [];
    const failed: { id: string; status: number; detail: string }[] = [];
    const db = queryable(this.db);
    for (const [index, note] of notes.entries()) {
      const savepoint = `cosign_${index}`;
      await db.query(`SAVEPOINT ${savepoint}`);
      try {
        cosigned.push(await this.lifecycle.cosign(auth, note.id, note.version));
        await db.query(`RELEASE SAVEPOINT ${savepoint}`);
      } catch (error) {
        await db.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        if (!(error instanceof HttpException)) throw error;
        failed.push({ id: note.id, status: error.getStatus(), detail: problemDetail(error) });
      }
    }
    return { cosigned, failed };
  }

  /** The caller's returned notes (to fix first) and their other drafts, the overdue flagged. */
  async mine(auth: AuthContext) {
    const params = new SqlParams();
    const overdueDays = params.add(this.config.notes.draftOverdueDays);
    const rows: { participantId: string; returnedAt: unknown }[] = await queryable(this.db).query(
      `SELECT ${NOTE_COLUMNS}, ${PARTICIPANT_NAME} AS "participantName",
              n.created_at < now() - make_interval(days => ${overdueDays}::int) AS overdue
         FROM ${NOTE_FROM} JOIN participants p ON p.id = n.participant_id
        WHERE n.program_id = ${params.add(auth.programId)} AND n.author_id = ${params.add(auth.userId)} AND n.status = 'draft'
          AND ${careTeamPredicate(auth, params, 'p')}
        ORDER BY n.returned_at DESC NULLS LAST, n.created_at LIMIT 100`,
      params.values,
    );
    AuditContext.touch(rows.map((row) => row.participantId));
    const notes = rows.map((row) => withCapFacts(row as typeof row & CapInput, this.config.billing));
    return {
      returned: notes.filter((row) => row.returnedAt !== null),
      drafts: notes.filter((row) => row.returnedAt === null),
      draftOverdueDays: this.config.notes.draftOverdueDays,
    };
  }

  /**
   * `awaiting`: the team's submitted and signed notes, never the caller's own, read on the
   * awaiting index first and materialized; the care-team scope is applied to that small set.
   * Joined the other way round, the planner walked every in-scope participant's whole note
   * history once per author (measured at 500k notes: 418 ms for the counts; this way 9 ms).
   */
  #awaiting(auth: AuthContext, params: SqlParams): string {
    const program = params.add(auth.programId);
    const me = params.add(auth.userId);
    return `awaiting AS MATERIALIZED (
      SELECT n.id, n.participant_id, n.author_id, n.submitted_at FROM session_notes n
       WHERE n.program_id = ${program} AND n.status IN ('submitted', 'signed') AND n.author_id <> ${me}
         AND n.author_id IN (SELECT u.id FROM users u JOIN teams t ON t.id = u.team_id WHERE ${supervisedTeamPredicate(auth, params, 't')}))`;
  }
}

function problemDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const body = response as { detail?: unknown; message?: unknown };
  return String(body.detail ?? body.message ?? error.message);
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!isMicrosecondTimestamp(at) || !id || !UUID_PATTERN.test(id)) throw new BadRequestException('The cursor is not valid; start from the first page.');
  return { at, id };
}
