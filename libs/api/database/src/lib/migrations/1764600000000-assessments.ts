import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessments (participants issue, item 6): the BARC-10, taken at intake and again over time.
 * The database holds the instrument's shape itself (ten answers, each 1–6) and computes the
 * total, so no client can store a total that disagrees with its answers. Recorded once, never
 * edited: the app may SELECT and INSERT only.
 */
export class Assessments1764600000000 implements MigrationInterface {
  name = 'Assessments1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        kind text NOT NULL DEFAULT 'barc10' CHECK (kind IN ('barc10')),
        taken_on date NOT NULL,
        answers smallint[] NOT NULL,
        total smallint GENERATED ALWAYS AS (
          answers[1] + answers[2] + answers[3] + answers[4] + answers[5]
          + answers[6] + answers[7] + answers[8] + answers[9] + answers[10]) STORED,
        notes text CHECK (length(notes) <= 1000),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT assessments_barc10_shape CHECK (
          array_ndims(answers) = 1 AND cardinality(answers) = 10 AND array_lower(answers, 1) = 1
          AND array_position(answers, NULL) IS NULL),
        CONSTRAINT assessments_barc10_answers CHECK (1 <= ALL (answers) AND 6 >= ALL (answers)),
        CONSTRAINT assessments_barc10_total CHECK (total BETWEEN 10 AND 60)
      )`);
    await db.query(`CREATE INDEX assessments_participant_idx ON assessments (program_id, participant_id, taken_on)`);
    await db.query(`CREATE TRIGGER assessments_touch BEFORE UPDATE ON assessments FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    await db.query(`GRANT SELECT, INSERT ON assessments TO waypoint_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE assessments`);
  }
}
