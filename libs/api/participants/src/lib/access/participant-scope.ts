import type { AuthContext } from '@waypoint/api-auth';
import { programTodaySql } from '@waypoint/api-database';
import type { SqlParams } from './sql-params';

/**
 * How a caller reaches a participant:
 * - `care-team`: the everyday scope. A specialist reaches participants assigned to them today;
 *   a supervisor, participants assigned today to a specialist of a team they lead or belong to.
 *   Clinicians reach participant data only through a referral with an active consent naming their
 *   organization (docs/security.md, "Who sees which participant"), which arrives with the referrals
 *   work; until then their care-team scope is empty. Admins never have one: they manage people, not
 *   records.
 * - `break-glass`: an unexpired emergency grant to this caller for this participant.
 * Every predicate starts with the caller's program, so nothing ever crosses programs.
 */
export type AccessRoute = 'care-team' | 'break-glass';

// An assignment counts from its first day until (not including) its end day, so a transfer
// effective on a date hands the participant over on that date — the program's date, so a
// transfer takes effect at the program's midnight, not UTC's. `program` is SQL for its id.
export function assignedToday(alias: string, program: string): string {
  const today = programTodaySql(program);
  return `${alias}.starts_on <= ${today} AND (${alias}.ends_on IS NULL OR ${alias}.ends_on > ${today})`;
}

/**
 * SQL true when the team row `alias` is one the caller supervises: a team they lead, or the team
 * they belong to as its supervisor. The one definition of "my team" for scope, co-signing and the
 * co-sign queue.
 */
export function supervisedTeamPredicate(auth: AuthContext, params: SqlParams, alias: string): string {
  return `(${alias}.program_id = ${params.add(auth.programId)}
           AND (${alias}.supervisor_id = ${params.add(auth.userId)} OR ${alias}.id = ${params.add(auth.teamId ?? null)}::uuid))`;
}

/** SQL true when the participant row `alias` is in the caller's care-team scope. */
export function careTeamPredicate(auth: AuthContext, params: SqlParams, alias: string): string {
  // Each branch adds only the parameters it uses: PostgreSQL refuses an unused, untyped one.
  if (auth.role !== 'specialist' && auth.role !== 'supervisor') return 'false';
  const program = params.add(auth.programId);
  switch (auth.role) {
    case 'specialist':
      return `(${alias}.program_id = ${program} AND ${alias}.id IN (
        SELECT ca.participant_id FROM care_assignments ca
         WHERE ca.program_id = ${program} AND ca.specialist_id = ${params.add(auth.userId)} AND ${assignedToday('ca', program)}))`;
    case 'supervisor':
      return `(${alias}.program_id = ${program} AND ${alias}.id IN (
        SELECT ca.participant_id FROM care_assignments ca
          JOIN users s ON s.id = ca.specialist_id
          JOIN teams t ON t.id = s.team_id
         WHERE ca.program_id = ${program} AND ${supervisedTeamPredicate(auth, params, 't')}
           AND ${assignedToday('ca', program)}))`;
  }
}

/** SQL true when the caller holds an unexpired break-glass grant for the participant `alias`. */
export function breakGlassPredicate(auth: AuthContext, params: SqlParams, alias: string): string {
  const program = params.add(auth.programId);
  return `(${alias}.program_id = ${program} AND ${alias}.id IN (
    SELECT g.participant_id FROM break_glass_grants g
     WHERE g.program_id = ${program} AND g.user_id = ${params.add(auth.userId)} AND g.expires_at > now()))`;
}

export function scopePredicate(route: AccessRoute, auth: AuthContext, params: SqlParams, alias: string): string {
  return route === 'care-team' ? careTeamPredicate(auth, params, alias) : breakGlassPredicate(auth, params, alias);
}
