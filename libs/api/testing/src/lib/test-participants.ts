import { randomUUID } from 'node:crypto';
import { programTodaySql } from '@waypoint/api-database';
import type { Client } from 'pg';

/** A team, optionally led by a supervisor (written as the schema owner). */
export async function createTestTeam(owner: Client, programId: string, supervisorId?: string): Promise<string> {
  const { rows } = await owner.query(`INSERT INTO teams (program_id, name, supervisor_id) VALUES ($1, $2, $3) RETURNING id`, [
    programId,
    `Team ${randomUUID().slice(0, 8)}`,
    supervisorId ?? null,
  ]);
  return rows[0].id;
}

/**
 * A synthetic participant, assigned to `assignTo` (a specialist) from `startsOn` (default
 * the program's today) until `endsOn` (exclusive; default open) when given.
 */
export async function createTestParticipant(
  owner: Client,
  programId: string,
  options: { assignTo?: string; startsOn?: string; endsOn?: string; lastName?: string; firstName?: string; dateOfBirth?: string } = {},
): Promise<string> {
  const { rows } = await owner.query(
    `INSERT INTO participants (program_id, legal_first_name, legal_last_name, date_of_birth, phone, recovery_pathways, primary_substances)
     VALUES ($1, $2, $3, $4, '555-0100', '{smart_recovery}', '{alcohol}') RETURNING id`,
    [programId, options.firstName ?? 'Test', options.lastName ?? `Participant-${randomUUID().slice(0, 6)}`, options.dateOfBirth ?? '1990-01-01'],
  );
  const id = rows[0].id as string;
  if (options.assignTo) {
    await owner.query(
      `INSERT INTO care_assignments (program_id, participant_id, specialist_id, kind, starts_on, ends_on)
       VALUES ($1, $2, $3, 'primary', coalesce($4::date, ${programTodaySql('$1')}), $5::date)`,
      [programId, id, options.assignTo, options.startsOn ?? null, options.endsOn ?? null],
    );
  }
  return id;
}

/** A recovery-plan goal with `steps` steps (written as the schema owner); returns the goal and step ids. */
export async function createTestGoal(owner: Client, programId: string, participantId: string, steps = 2): Promise<{ goalId: string; stepIds: string[] }> {
  const { rows } = await owner.query(
    `INSERT INTO goals (program_id, participant_id, dimension, statement) VALUES ($1, $2, 'home', 'Find a sober living place near work') RETURNING id`,
    [programId, participantId],
  );
  const goalId = rows[0].id as string;
  const stepRows = await owner.query(
    `INSERT INTO goal_steps (program_id, goal_id, position, description)
     SELECT $1, $2, n - 1, 'Step ' || n FROM generate_series(1, $3::int) AS n RETURNING id`,
    [programId, goalId, steps],
  );
  return { goalId, stepIds: stepRows.rows.map((row) => row.id as string) };
}

/**
 * A session note written straight into the table: a complete GIRP note an hour and a half ago,
 * 30 minutes long, in the given status (signed ones carry a signature).
 */
export async function createTestNote(
  owner: Client,
  programId: string,
  participantId: string,
  authorId: string,
  status: 'draft' | 'submitted' | 'signed' = 'draft',
): Promise<string> {
  const { rows } = await owner.query(
    `INSERT INTO session_notes (program_id, participant_id, author_id, started_at, ended_at, contact_type, modality, sections, units, status,
                                submitted_at, signed_at, signed_by_name)
     VALUES ($1, $2, $3, now() - interval '2 hours', now() - interval '90 minutes', 'individual', 'in_person',
             '{"goal": "Fixture goal", "intervention": "Fixture intervention", "response": "Fixture response", "plan": "Fixture plan"}', 2, $4::text,
             CASE WHEN $4::text <> 'draft' THEN now() END, CASE WHEN $4::text = 'signed' THEN now() END, CASE WHEN $4::text = 'signed' THEN 'Fixture Author' END)
     RETURNING id`,
    [programId, participantId, authorId, status],
  );
  return rows[0].id as string;
}
