import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Object-level access to participants: indexes for the scope predicates (who is assigned to
 * whom, today) and emergency "break-glass" grants. A grant is evidence: the API role may
 * create it and record its review, never change who asked, why, or for how long.
 */
export class ParticipantAccess1764100000000 implements MigrationInterface {
  name = 'ParticipantAccess1764100000000';

  async up(db: QueryRunner): Promise<void> {
    // Assignments can end in the future (a transfer with an effective date), so the scope
    // predicate checks dates instead of `ends_on IS NULL`; these indexes serve it from both sides.
    await db.query(`DROP INDEX care_assignments_specialist_idx`);
    await db.query(`
      CREATE INDEX care_assignments_specialist_idx
        ON care_assignments (program_id, specialist_id) INCLUDE (participant_id, starts_on, ends_on)`);
    await db.query(`CREATE INDEX care_assignments_participant_idx ON care_assignments (program_id, participant_id)`);
    await db.query(`CREATE INDEX users_team_idx ON users (team_id) WHERE team_id IS NOT NULL`);
    // The caseload is ordered by name; keyset pagination walks this index.
    await db.query(`
      CREATE INDEX participants_program_name_idx
        ON participants (program_id, legal_last_name, legal_first_name, id)`);

    await db.query(`
      CREATE TABLE break_glass_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        user_id uuid NOT NULL REFERENCES users(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 10 AND 500),
        granted_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        review_note text CHECK (length(review_note) <= 500),
        CHECK (expires_at > granted_at),
        CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL)),
        -- Nobody reviews their own emergency access.
        CHECK (reviewed_by IS NULL OR reviewed_by <> user_id)
      )`);
    await db.query(`CREATE INDEX break_glass_grants_user_idx ON break_glass_grants (program_id, user_id, expires_at)`);
    await db.query(`CREATE INDEX break_glass_grants_review_idx ON break_glass_grants (program_id, granted_at DESC, id)`);
    await db.query(`GRANT SELECT, INSERT ON break_glass_grants TO waypoint_app`);
    await db.query(`GRANT UPDATE (reviewed_by, reviewed_at, review_note) ON break_glass_grants TO waypoint_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE break_glass_grants`);
    await db.query(`DROP INDEX participants_program_name_idx, users_team_idx, care_assignments_participant_idx, care_assignments_specialist_idx`);
    await db.query(`
      CREATE INDEX care_assignments_specialist_idx
        ON care_assignments (program_id, specialist_id) WHERE ends_on IS NULL`);
  }
}
