import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recovery plans (participants issue, item 5): goals in SAMHSA's four dimensions, written in the
 * participant's words, with ordered steps and a progress history. A participant's plan is the
 * set of their goals (no separate plan row: nothing belongs to a plan that is not a goal).
 * Progress entries are append-only for the app: a rating once given is history.
 */
export class RecoveryPlans1764500000000 implements MigrationInterface {
  name = 'RecoveryPlans1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        dimension text NOT NULL CHECK (dimension IN ('health', 'home', 'purpose', 'community')),
        statement text NOT NULL CHECK (length(statement) BETWEEN 1 AND 500),
        target_date date,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'revised', 'discontinued')),
        status_reason text CHECK (length(status_reason) <= 500),
        status_changed_on date,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (status NOT IN ('revised', 'discontinued') OR status_reason IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX goals_participant_idx ON goals (program_id, participant_id, status)`);

    await db.query(`
      CREATE TABLE goal_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        goal_id uuid NOT NULL REFERENCES goals(id),
        position integer NOT NULL CHECK (position >= 0),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
        done_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX goal_steps_goal_idx ON goal_steps (goal_id, position)`);

    await db.query(`
      CREATE TABLE goal_progress (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        goal_id uuid NOT NULL REFERENCES goals(id),
        recorded_on date NOT NULL,
        rating smallint NOT NULL CHECK (rating BETWEEN 0 AND 10),
        comment text CHECK (length(comment) <= 1000),
        recorded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX goal_progress_goal_idx ON goal_progress (goal_id, recorded_on DESC, created_at DESC)`);

    for (const table of ['goals', 'goal_steps']) {
      await db.query(`CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
      await db.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO waypoint_app`);
    }
    await db.query(`GRANT SELECT, INSERT ON goal_progress TO waypoint_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE goal_progress, goal_steps, goals`);
  }
}
