import type { Client } from 'pg';
import type { ProgramShape } from './caseload-data';

/** The volume program's shape for `participants`: 25 per specialist, teams of ten specialists. */
export function volumeShape(slug: string, participants: number): ProgramShape {
  const specialists = Math.max(1, Math.ceil(participants / 25));
  const teams = Math.max(1, Math.ceil(specialists / 10));
  return { slug, teams, specialistsPerTeam: Math.ceil(specialists / teams), participants };
}

/**
 * The care work around a bulk-seeded program, set-based: for every active participant 1–3
 * goals with 2–3 steps and a few progress entries, one or two open follow-up tasks (a quarter of
 * them overdue), and 2–5 BARC-10 assessments; 3% of participants flagged high risk. Rows come
 * from generate_series, so 5,000 participants take seconds, not minutes.
 */
export async function seedCareWorkVolume(owner: Client, programId: string): Promise<Record<string, number>> {
  const active = `SELECT p.id, (hashtext(p.id::text) & 1023) AS h FROM participants p WHERE p.program_id = $1 AND p.status = 'active'`;
  await owner.query(
    `INSERT INTO goals (program_id, participant_id, dimension, statement, target_date)
     SELECT $1, a.id, (ARRAY['health', 'home', 'purpose', 'community'])[1 + (a.h + k) % 4], 'Bench goal ' || k, current_date + 30 + (a.h % 150)
       FROM (${active}) a, generate_series(1, 1 + a.h % 3) AS k`,
    [programId],
  );
  await owner.query(
    `INSERT INTO goal_steps (program_id, goal_id, position, description, done_at)
     SELECT $1, g.id, s - 1, 'Step ' || s, CASE WHEN s = 1 THEN now() END
       FROM goals g, generate_series(1, 2 + (hashtext(g.id::text) & 1)) AS s WHERE g.program_id = $1`,
    [programId],
  );
  await owner.query(
    `INSERT INTO goal_progress (program_id, goal_id, recorded_on, rating)
     SELECT $1, g.id, current_date - w * 14, greatest(0, least(10, 3 + (hashtext(g.id::text) & 3) + (3 - w)))
       FROM goals g, generate_series(0, 3) AS w WHERE g.program_id = $1`,
    [programId],
  );
  await owner.query(
    `INSERT INTO tasks (program_id, participant_id, owner_id, title, due_on)
     SELECT $1, a.id, ca.specialist_id, 'Follow up ' || k, current_date - 7 + ((a.h + k * 5) % 28)
       FROM (${active}) a
       JOIN care_assignments ca ON ca.participant_id = a.id AND ca.kind = 'primary' AND ca.ends_on IS NULL,
       generate_series(1, 1 + a.h % 2) AS k`,
    [programId],
  );
  await owner.query(
    `INSERT INTO assessments (program_id, participant_id, taken_on, answers, recorded_by)
     SELECT $1, a.id, current_date - v * 42, ARRAY(SELECT 1 + (a.h + v + i) % 6 FROM generate_series(1, 10) AS i)::smallint[], ca.specialist_id
       FROM (${active}) a
       JOIN care_assignments ca ON ca.participant_id = a.id AND ca.kind = 'primary' AND ca.ends_on IS NULL,
       generate_series(0, 1 + a.h % 4) AS v`,
    [programId],
  );
  await owner.query(
    `UPDATE participants SET high_risk = true, high_risk_reason = 'Bench: overdose recorded', high_risk_set_at = now()
      WHERE program_id = $1 AND status = 'active' AND (hashtext(id::text) & 1023) < 31`,
    [programId],
  );
  const { rows } = await owner.query(
    `SELECT (SELECT count(*)::int FROM goals WHERE program_id = $1) AS goals, (SELECT count(*)::int FROM goal_steps WHERE program_id = $1) AS steps,
            (SELECT count(*)::int FROM goal_progress WHERE program_id = $1) AS progress, (SELECT count(*)::int FROM tasks WHERE program_id = $1) AS tasks,
            (SELECT count(*)::int FROM assessments WHERE program_id = $1) AS assessments,
            (SELECT count(*)::int FROM participants WHERE program_id = $1 AND high_risk) AS flagged`,
    [programId],
  );
  return rows[0];
}
