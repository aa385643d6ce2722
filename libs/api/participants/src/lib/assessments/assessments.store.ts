import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { programToday, queryable } from '@waypoint/api-database';
import { ValidationProblemException } from '@waypoint/api-http';
import type { AssessmentHistory, AssessmentRecord } from '@waypoint/shared-contracts';
import type { DataSource } from 'typeorm';
import { ParticipantsRepository } from '../access/participants.repository';
import type { RecordAssessmentDto } from './record-assessment.dto';

/** Enough for years of monthly check-ins; the chart and the comparison need no more. */
const HISTORY_LIMIT = 200;

const COLUMNS = `a.id, a.kind, a.taken_on::text AS "takenOn", a.answers, a.total, a.notes,
  a.recorded_by AS "recordedById", u.display_name AS "recordedByName", a.created_at AS "createdAt", a.version`;

/**
 * BARC-10 assessments of a participant: recorded once (never edited, like a signed form) and read
 * back as a history. Every method first checks the caller reaches the participant (404 otherwise),
 * which also names the participant to the audit trail.
 */
@Injectable()
export class AssessmentsStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly participants: ParticipantsRepository,
  ) {}

  /** Newest first: by the day taken, then by when recorded (two on one day keep their order). */
  async history(auth: AuthContext, participantId: string): Promise<AssessmentHistory> {
    await this.participants.requireInScope(auth, participantId);
    const rows: AssessmentRecord[] = await queryable(this.db).query(
      `SELECT ${COLUMNS} FROM assessments a JOIN users u ON u.id = a.recorded_by
        WHERE a.program_id = $1 AND a.participant_id = $2
        ORDER BY a.taken_on DESC, a.created_at DESC, a.id DESC LIMIT ${HISTORY_LIMIT + 1}`,
      [auth.programId, participantId],
    );
    return { items: rows.slice(0, HISTORY_LIMIT), truncated: rows.length > HISTORY_LIMIT };
  }

  /** Runs in the route's transaction: the row and its audit event commit together. */
  async record(auth: AuthContext, participantId: string, dto: RecordAssessmentDto): Promise<AssessmentRecord> {
    await this.participants.requireInScope(auth, participantId);
    const today = await programToday(queryable(this.db), auth.programId);
    const takenOn = dto.takenOn ?? today;
    if (takenOn > today) throw new ValidationProblemException({ takenOn: ['An assessment cannot be dated in the future.'] });
    const [row] = await queryable(this.db).query(
      `INSERT INTO assessments (program_id, participant_id, kind, taken_on, answers, notes, recorded_by)
       VALUES ($1, $2, $3, $4::date, $5::smallint[], $6, $7) RETURNING id`,
      [auth.programId, participantId, dto.kind ?? 'barc10', takenOn, dto.answers, dto.notes ?? null, auth.userId],
    );
    AuditContext.annotate({ resourceId: row.id });
    const [created] = await queryable(this.db).query(
      `SELECT ${COLUMNS} FROM assessments a JOIN users u ON u.id = a.recorded_by WHERE a.id = $1 AND a.program_id = $2`,
      [row.id, auth.programId],
    );
    return created;
  }
}
