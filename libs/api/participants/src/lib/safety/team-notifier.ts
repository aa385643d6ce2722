import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthContext } from '@waypoint/api-auth';
import { queryable } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';
import { assignedToday } from '../access/participant-scope';

/**
 * In-app notifications: to a participant's supervisors (whoever leads the team of each specialist
 * assigned today, except the person who caused it), and to a note's author when it is returned.
 * Written in the caller's transaction, so a change and its notifications commit together.
 * (E-mail comes later, and will carry no participant data: an e-mail leaves the program.)
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

  /**
   * Tells a note's author that their supervisor returned it, linking to the note. The comment
   * stays on the note: the notification carries ids only, like every other.
   */
  async noteReturned(auth: AuthContext, noteId: string): Promise<void> {
    await queryable(this.db).query(
      `INSERT INTO notifications (program_id, user_id, kind, participant_id, note_id, actor_id)
       SELECT n.program_id, n.author_id, 'note_returned', n.participant_id, n.id, $3::uuid
         FROM session_notes n WHERE n.id = $1 AND n.program_id = $2 AND n.author_id <> $3`,
      [noteId, auth.programId, auth.userId],
    );
  }
}
