import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthContext } from '@waypoint/api-auth';
import { queryable } from '@waypoint/api-database';
import type { DataSource } from 'typeorm';
import { assignedToday, supervisedTeamPredicate } from '../access/participant-scope';
import { SqlParams } from '../access/sql-params';

export interface AssignableSpecialist {
  id: string;
  displayName: string;
  teamName: string | null;
  caseloadSize: number;
}

/**
 * Who a caller may give a participant to: an admin, any active specialist or supervisor of the
 * program; a supervisor, the active specialists and supervisors of the teams they lead or belong
 * to (the same teams their care-team scope covers). Nobody else assigns.
 */
@Injectable()
export class AssignableSpecialists {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(auth: AuthContext): Promise<AssignableSpecialist[]> {
    const params = new SqlParams();
    const rows: AssignableSpecialist[] = await queryable(this.db).query(
      `SELECT u.id, u.display_name AS "displayName", t.name AS "teamName",
              (SELECT count(*)::int FROM care_assignments ca
                WHERE ca.program_id = u.program_id AND ca.specialist_id = u.id AND ca.kind = 'primary'
                  AND ${assignedToday('ca', 'u.program_id')}) AS "caseloadSize"
         FROM users u LEFT JOIN teams t ON t.id = u.team_id
        WHERE ${this.#eligible(auth, params)}
        ORDER BY u.display_name, u.id LIMIT 500`,
      params.values,
    );
    return rows;
  }

  async mayAssignTo(auth: AuthContext, userId: string): Promise<boolean> {
    const params = new SqlParams();
    const rows = await queryable(this.db).query(
      `SELECT 1 FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.id = ${params.add(userId)} AND ${this.#eligible(auth, params)}`,
      params.values,
    );
    return rows.length > 0;
  }

  #eligible(auth: AuthContext, params: SqlParams): string {
    const base = `u.program_id = ${params.add(auth.programId)} AND u.status = 'active' AND u.role IN ('specialist', 'supervisor')`;
    if (auth.role === 'admin') return base;
    if (auth.role !== 'supervisor') return 'false';
    return `${base} AND t.id IN (SELECT st.id FROM teams st WHERE ${supervisedTeamPredicate(auth, params, 'st')})`;
  }
}
