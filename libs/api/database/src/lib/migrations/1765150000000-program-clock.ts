import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The program's clock (program-clock.ts) in the schema:
 * - An assignment's first day had a column default of `current_date`, the database session's
 *   day (UTC), not the program's. Every insert names its day on the program's clock, so the
 *   default goes: an insert that forgets the day now fails instead of quietly starting tomorrow.
 * - Overdose flags written before stored their reason with an ISO date; it becomes the date as
 *   a sentence writes it ("Overdose recorded for Nov 28, 2026"), like new ones.
 */
export class ProgramClock1765150000000 implements MigrationInterface {
  name = 'ProgramClock1765150000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE care_assignments ALTER COLUMN starts_on DROP DEFAULT`);
    await db.query(`
      UPDATE participants
         SET high_risk_reason = 'Overdose recorded for ' || to_char(substring(high_risk_reason FROM 23)::date, 'Mon FMDD, YYYY')
       WHERE high_risk_reason ~ '^Overdose recorded for \\d{4}-\\d{2}-\\d{2}$'`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The reasons keep their wording: both forms say the same thing.
    await db.query(`ALTER TABLE care_assignments ALTER COLUMN starts_on SET DEFAULT current_date`);
  }
}
