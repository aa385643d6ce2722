import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { programToday, programTodaySql, queryable } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';
import { ParticipantsRepository } from '../access/participants.repository';
import { calendarDateText } from '../access/calendar-date-text';
import { assignedToday, careTeamPredicate } from '../access/participant-scope';
import { SqlParams } from '../access/sql-params';
import type { CreateAssignmentDto } from '../intake/participant-input.dto';
import { AssignableSpecialists } from './assignable-specialists';

/**
 * Care assignments: who carries a participant, with history. Assignment is what scopes access
 * (participant-scope.ts), so it is changed only here, by supervisors (for their teams) and admins.
 * A transfer ends the current primary assignment on the effective date and starts the new one
 * that day; nothing is deleted.
 */
@Injectable()
export class CareAssignmentsStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly participants: ParticipantsRepository,
    private readonly specialists: AssignableSpecialists,
  ) {}

  /** The care team's view: every assignment of a participant in their scope. */
  async history(auth: AuthContext, participantId: string) {
    await this.participants.requireInScope(auth, participantId);
    return { items: await this.#history(auth, participantId) };
  }

  async assign(auth: AuthContext, participantId: string, dto: CreateAssignmentDto) {
    await this.#requireManageable(auth, participantId);
    if (!(await this.specialists.mayAssignTo(auth, dto.specialistId))) {
      throw new BadRequestException('Assign to an active specialist of a team you supervise.');
    }
    const today = await programToday(queryable(this.db), auth.programId);
    const startsOn = dto.startsOn ?? today;
    if (startsOn < today) throw new BadRequestException('An assignment starts today or later; history is not rewritten.');
    if (Date.parse(startsOn) - Date.parse(today) > 366 * 86_400_000) throw new BadRequestException('An assignment starts within a year.');

    // Lock the participant's open assignments: two supervisors transferring at once queue here.
    const open: { id: string; specialistId: string; kind: string; startsOn: string }[] = await queryable(this.db).query(
      `SELECT id, specialist_id AS "specialistId", kind, starts_on::text AS "startsOn" FROM care_assignments
        WHERE program_id = $1 AND participant_id = $2 AND (ends_on IS NULL OR ends_on > $3::date) ORDER BY starts_on FOR UPDATE`,
      [auth.programId, participantId, startsOn],
    );
    if (open.some((a) => a.specialistId === dto.specialistId && (a.kind === dto.kind || dto.kind === 'secondary'))) {
      throw new ConflictException('This specialist is already assigned to this participant.');
    }
    if (dto.kind === 'primary') {
      const primaries = open.filter((a) => a.kind === 'primary');
      // One that starts the same day is replaced (it ends the day it starts, so it never counted);
      // one that starts later is a transfer already scheduled, which this must not jump.
      const scheduled = primaries.find((a) => a.startsOn > startsOn);
      if (scheduled) throw new ConflictException(`A primary assignment already starts on ${calendarDateText(scheduled.startsOn)}; a transfer must take effect after it.`);
      if (primaries.length > 0) {
        await queryable(this.db).query(`UPDATE care_assignments SET ends_on = $2::date, version = version + 1 WHERE id = ANY($1::uuid[])`, [
          primaries.map((a) => a.id),
          startsOn,
        ]);
      }
    }
    const [row] = await queryable(this.db).query(
      `INSERT INTO care_assignments (program_id, participant_id, specialist_id, kind, starts_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [auth.programId, participantId, dto.specialistId, dto.kind, startsOn],
    );
    AuditContext.annotate({ resourceId: row.id });
    return { items: await this.#history(auth, participantId) };
  }

  /**
   * Admins manage any participant of their program; supervisors those in their care-team scope
   * and those nobody carries yet (or any more). Anyone else, or anything else: 404.
   */
  async #requireManageable(auth: AuthContext, participantId: string): Promise<void> {
    const params = new SqlParams();
    const id = params.add(participantId);
    const program = params.add(auth.programId);
    const reach =
      auth.role === 'admin'
        ? 'true'
        : auth.role === 'supervisor'
          ? `(${careTeamPredicate(auth, params, 'p')} OR NOT EXISTS (
               SELECT 1 FROM care_assignments ca WHERE ca.program_id = p.program_id AND ca.participant_id = p.id
                  AND ca.kind = 'primary' AND (ca.ends_on IS NULL OR ca.ends_on > ${programTodaySql(program)})))`
          : 'false';
    const rows = await queryable(this.db).query(`SELECT 1 FROM participants p WHERE p.id = ${id} AND p.program_id = ${program} AND ${reach}`, params.values);
    if (rows.length === 0) throw new NotFoundException('No such participant.');
    AuditContext.touch([participantId]);
  }

  async #history(auth: AuthContext, participantId: string) {
    return queryable(this.db).query(
      `SELECT ca.id, ca.specialist_id AS "specialistId", u.display_name AS "specialistName", ca.kind,
              ca.starts_on::text AS "startsOn", ca.ends_on::text AS "endsOn",
              (${assignedToday('ca', '$1')}) AS current
         FROM care_assignments ca JOIN users u ON u.id = ca.specialist_id
        WHERE ca.program_id = $1 AND ca.participant_id = $2
        ORDER BY ca.starts_on DESC, ca.kind, ca.id LIMIT 200`,
      [auth.programId, participantId],
    );
  }
}
