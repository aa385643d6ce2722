import type { AuthContext } from '@waypoint/api-auth';
import { queryable } from '@waypoint/api-database';
import type { DuplicateCandidate, ParticipantStatus } from '@waypoint/shared-contracts';
import type { DataSource } from 'typeorm';
import { assignedToday, careTeamPredicate } from '../access/participant-scope';
import { SqlParams } from '../access/sql-params';
import { namesLookAlike } from './name-match';

interface CandidateRow {
  id: string;
  first: string;
  last: string;
  preferred: string | null;
  dateOfBirth: string;
  status: ParticipantStatus;
  inScope: boolean;
  specialistName: string | null;
  supervisorName: string | null;
}

/**
 * Likely matches for someone being taken in: the same date of birth in the program and a name
 * that looks alike (name-match.ts). A match in the caller's care-team scope is described enough
 * to recognise it; one outside it only says whom on its care team to contact (its primary
 * specialist and their supervisor), because a specialist may not learn a stranger's status or
 * that a record with their name exists beyond what they typed themselves. Returns the matched
 * ids separately, for the audit trail only.
 */
export async function findDuplicateCandidates(
  db: DataSource,
  auth: AuthContext,
  who: { legalFirstName: string; legalLastName: string; preferredName?: string | null; dateOfBirth: string },
): Promise<{ candidates: DuplicateCandidate[]; matchedIds: string[] }> {
  const params = new SqlParams();
  const program = params.add(auth.programId);
  const born = params.add(who.dateOfBirth);
  // Whom to contact: today's primary specialist and their team's supervisor, active staff only.
  const primaryToday = `ca.participant_id = p.id AND ca.kind = 'primary' AND ${assignedToday('ca', program)}`;
  const rows: CandidateRow[] = await queryable(db).query(
    `SELECT p.id, p.legal_first_name AS first, p.legal_last_name AS last, p.preferred_name AS preferred,
            p.date_of_birth::text AS "dateOfBirth", p.status, ${careTeamPredicate(auth, params, 'p')} AS "inScope",
            (SELECT s.display_name FROM care_assignments ca JOIN users s ON s.id = ca.specialist_id
              WHERE ${primaryToday} AND s.status = 'active' ORDER BY ca.starts_on DESC LIMIT 1) AS "specialistName",
            (SELECT v.display_name FROM care_assignments ca JOIN users s ON s.id = ca.specialist_id
                    JOIN teams t ON t.id = s.team_id JOIN users v ON v.id = t.supervisor_id
              WHERE ${primaryToday} AND v.status = 'active' ORDER BY ca.starts_on DESC LIMIT 1) AS "supervisorName"
       FROM participants p WHERE p.program_id = ${program} AND p.date_of_birth = ${born}::date LIMIT 50`,
    params.values,
  );
  const entered = { first: who.legalFirstName, last: who.legalLastName, preferred: who.preferredName };
  const matches = rows.filter((row) => namesLookAlike(entered, row));
  const candidates = matches.map((row): DuplicateCandidate =>
    row.inScope
      ? { inYourCaseload: true, id: row.id, displayName: `${row.preferred || row.first} ${row.last.charAt(0)}.`, dateOfBirth: row.dateOfBirth, status: row.status }
      : { inYourCaseload: false, careTeamContact: { specialistName: row.specialistName, supervisorName: row.supervisorName } },
  );
  return { candidates, matchedIds: matches.map((row) => row.id) };
}
