import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake and the status lifecycle (participants issue, items 1–2):
 * - the intake fields the first participants table did not have (docs/domain-model.md,
 *   "Participants");
 * - pathways limited to the known list at the database too;
 * - `participant_status_changes`: every move through referred → active → inactive →
 *   discharged and back (re-enrollment), append-only for the app, for the timeline;
 * - an index for duplicate detection at intake (same date of birth within a program).
 */
export class ParticipantIntake1764400000000 implements MigrationInterface {
  name = 'ParticipantIntake1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE participants
        ADD COLUMN referral_source text CHECK (length(referral_source) <= 200),
        ADD COLUMN emergency_contact_name text CHECK (length(emergency_contact_name) <= 200),
        ADD COLUMN emergency_contact_phone text CHECK (length(emergency_contact_phone) <= 40),
        ADD COLUMN emergency_contact_relationship text CHECK (length(emergency_contact_relationship) <= 60),
        ADD COLUMN intake_notes text CHECK (length(intake_notes) <= 4000),
        ADD COLUMN discharge_reason text CHECK (length(discharge_reason) <= 500)`);
    // Discharges recorded before this field existed keep a truthful placeholder.
    await db.query(`
      UPDATE participants SET discharge_reason = coalesce(discharge_reason, 'Not recorded'), discharged_on = coalesce(discharged_on, updated_at::date)
       WHERE status = 'discharged' AND (discharge_reason IS NULL OR discharged_on IS NULL)`);
    await db.query(`
      ALTER TABLE participants
        ADD CONSTRAINT participants_pathways_known CHECK (
          recovery_pathways <@ ARRAY['twelve_step', 'smart_recovery', 'mat', 'faith_based', 'harm_reduction', 'other']::text[]),
        ADD CONSTRAINT participants_substances_bounded CHECK (cardinality(primary_substances) <= 12),
        ADD CONSTRAINT participants_discharge_complete CHECK (
          status <> 'discharged' OR (discharged_on IS NOT NULL AND discharge_reason IS NOT NULL))`);
    await db.query(`CREATE INDEX participants_program_birth_idx ON participants (program_id, date_of_birth)`);

    await db.query(`
      CREATE TABLE participant_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        from_status text CHECK (from_status IN ('referred', 'active', 'inactive', 'discharged')),
        to_status text NOT NULL CHECK (to_status IN ('referred', 'active', 'inactive', 'discharged')),
        effective_on date NOT NULL,
        reason text CHECK (length(reason) <= 500),
        changed_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX participant_status_changes_participant_idx ON participant_status_changes (program_id, participant_id, created_at)`);
    await db.query(`GRANT SELECT, INSERT ON participant_status_changes TO waypoint_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE participant_status_changes`);
    await db.query(`DROP INDEX participants_program_birth_idx`);
    await db.query(`
      ALTER TABLE participants
        DROP CONSTRAINT participants_discharge_complete, DROP CONSTRAINT participants_substances_bounded,
        DROP CONSTRAINT participants_pathways_known,
        DROP COLUMN discharge_reason, DROP COLUMN intake_notes, DROP COLUMN emergency_contact_relationship,
        DROP COLUMN emergency_contact_phone, DROP COLUMN emergency_contact_name, DROP COLUMN referral_source`);
  }
}
