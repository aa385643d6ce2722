import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Safety and follow-up (participants issue, items 7–8):
 * - `safety_events`: overdose, naloxone, crisis, 988 warm handoff, emergency department visit;
 *   append-only for the app (a safety record is history, corrected by a later entry);
 * - the high-risk flag on the participant (who set it, when, why), set by hand or by an overdose;
 * - `notifications`: the in-app list (a supervisor hears about a high-risk flag on their team);
 * - `tasks`: follow-ups with a due date, an owner and a participant.
 */
export class SafetyAndTasks1764700000000 implements MigrationInterface {
  name = 'SafetyAndTasks1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE safety_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        kind text NOT NULL CHECK (kind IN ('overdose', 'naloxone_administered', 'naloxone_provided', 'crisis', 'warm_handoff_988', 'emergency_department')),
        occurred_on date NOT NULL,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        follow_up text CHECK (length(follow_up) <= 2000),
        recorded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX safety_events_participant_idx ON safety_events (program_id, participant_id, occurred_on DESC)`);
    await db.query(`GRANT SELECT, INSERT ON safety_events TO waypoint_app`);

    await db.query(`
      ALTER TABLE participants
        ADD COLUMN high_risk boolean NOT NULL DEFAULT false,
        ADD COLUMN high_risk_reason text CHECK (length(high_risk_reason) <= 500),
        ADD COLUMN high_risk_set_at timestamptz,
        ADD COLUMN high_risk_set_by uuid REFERENCES users(id),
        ADD CONSTRAINT participants_high_risk_explained CHECK (NOT high_risk OR high_risk_reason IS NOT NULL)`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('high_risk_flagged')),
        participant_id uuid REFERENCES participants(id),
        actor_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await db.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id)`);
    await db.query(`GRANT SELECT, INSERT ON notifications TO waypoint_app`);
    await db.query(`GRANT UPDATE (read_at) ON notifications TO waypoint_app`);

    await db.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        owner_id uuid NOT NULL REFERENCES users(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        due_on date NOT NULL,
        done_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // "My tasks": open ones by due date; and a participant's next follow-up.
    await db.query(`CREATE INDEX tasks_owner_open_idx ON tasks (program_id, owner_id, due_on, id) WHERE done_at IS NULL`);
    await db.query(`CREATE INDEX tasks_participant_idx ON tasks (program_id, participant_id, due_on)`);
    await db.query(`CREATE TRIGGER tasks_touch BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON tasks TO waypoint_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE tasks, notifications, safety_events`);
    await db.query(`
      ALTER TABLE participants DROP CONSTRAINT participants_high_risk_explained,
        DROP COLUMN high_risk_set_by, DROP COLUMN high_risk_set_at, DROP COLUMN high_risk_reason, DROP COLUMN high_risk`);
  }
}
