import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditContext } from '@waypoint/api-audit';
import type { AuthContext } from '@waypoint/api-auth';
import { programToday, queryable, updateReturning } from '@waypoint/api-database';
import { staleVersion } from '@waypoint/api-http';
import type { DataSource } from 'typeorm';
import { ParticipantsRepository } from '../access/participants.repository';
import { overdoseReason } from './overdose-reason';
import type { RecordSafetyEventDto, SetRiskFlagDto } from './safety.dto';
import { TeamNotifier } from './team-notifier';

/**
 * Safety events and the high-risk flag. An overdose raises the flag by itself (if it is not up
 * already); raising it, by hand or so, tells the team's supervisors. Events are never edited.
 */
@Injectable()
export class SafetyStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly participants: ParticipantsRepository,
    private readonly notifier: TeamNotifier,
  ) {}

  async list(auth: AuthContext, participantId: string) {
    await this.participants.requireInScope(auth, participantId);
    const items = await queryable(this.db).query(
      `SELECT e.id, e.kind, e.occurred_on::text AS "occurredOn", e.description, e.follow_up AS "followUp",
              u.display_name AS "recordedByName", e.created_at AS "createdAt"
         FROM safety_events e LEFT JOIN users u ON u.id = e.recorded_by
        WHERE e.program_id = $1 AND e.participant_id = $2 ORDER BY e.occurred_on DESC, e.created_at DESC LIMIT 100`,
      [auth.programId, participantId],
    );
    return { items };
  }

  async record(auth: AuthContext, participantId: string, dto: RecordSafetyEventDto) {
    await this.participants.requireInScope(auth, participantId);
    const today = await programToday(queryable(this.db), auth.programId);
    const occurredOn = dto.occurredOn ?? today;
    if (occurredOn > today) throw new BadRequestException('A safety event cannot be dated in the future.');
    const [event] = await queryable(this.db).query(
      `INSERT INTO safety_events (program_id, participant_id, kind, occurred_on, description, follow_up, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [auth.programId, participantId, dto.kind, occurredOn, dto.description, dto.followUp ?? null, auth.userId],
    );
    AuditContext.annotate({ resourceId: event.id });
    let flagRaised = false;
    if (dto.kind === 'overdose') {
      const raised = await updateReturning(
        queryable(this.db),
        `UPDATE participants SET high_risk = true, high_risk_reason = $3, high_risk_set_at = now(), high_risk_set_by = $4, version = version + 1
          WHERE id = $1 AND program_id = $2 AND NOT high_risk RETURNING id`,
        [participantId, auth.programId, overdoseReason(occurredOn), auth.userId],
      );
      flagRaised = raised.length > 0;
      if (flagRaised) await this.notifier.highRiskFlagged(auth, participantId);
    }
    return { id: event.id, flagRaised, participant: await this.participants.get(auth, participantId, 'care-team') };
  }

  async setFlag(auth: AuthContext, participantId: string, dto: SetRiskFlagDto) {
    await this.participants.requireInScope(auth, participantId);
    if (dto.highRisk && !dto.reason) throw new BadRequestException('Say why this participant is at high risk.');
    const [current] = await queryable(this.db).query(`SELECT high_risk AS "highRisk", version FROM participants WHERE id = $1 AND program_id = $2 FOR UPDATE`, [
      participantId,
      auth.programId,
    ]);
    if (current.version !== dto.version) throw staleVersion('record', current.version);
    await queryable(this.db).query(
      `UPDATE participants SET high_risk = $3, high_risk_reason = CASE WHEN $3 THEN $4 END,
              high_risk_set_at = CASE WHEN $3 THEN now() END, high_risk_set_by = CASE WHEN $3 THEN $5::uuid END, version = version + 1
        WHERE id = $1 AND program_id = $2`,
      [participantId, auth.programId, dto.highRisk, dto.reason ?? null, auth.userId],
    );
    if (dto.highRisk && !current.highRisk) await this.notifier.highRiskFlagged(auth, participantId);
    return this.participants.get(auth, participantId, 'care-team');
  }
}
