import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthContext } from '@waypoint/api-auth';
import { queryable } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';
import { assignedToday } from '../access/participant-scope';

/**
 * In-app notifications to a participant's supervisors: whoever leads the team of each specialist
 * assigned today, except the person who caused it. Written in the caller's transaction, so a
 * flag and its notifications commit together. (E-mail comes later; DESIGN.md keeps PHI out of it.)
 */
@Injectable()
export class TeamNotifier {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async highRiskFlagged(auth: AuthContext, participantId: string): Promise<number> {
    const rows = await queryable(this.db).query(
      `INSERT INTO notifications (program_id, user_id, kind, participant_id, actor_id)
       SELECT DISTINCT $1::uuid, t.supervisor_id, 'high_risk_flagged', $2::uuid, $3::uuid
         FROM care_assignments ca JOIN users s ON s.id = ca.specialist_id JOIN teams t ON t.id = s.team_id
        WHERE ca.program_id = $1 AND ca.participant_id = $2 AND t.supervisor_id IS NOT NULL AND t.supervisor_id <> $3
          AND ${assignedToday('ca', '$1')}
       RETURNING id`,
      [auth.programId, participantId, auth.userId],
    );
    return rows.length;
  }
}
