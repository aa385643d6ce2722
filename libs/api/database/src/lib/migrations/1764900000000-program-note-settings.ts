import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-program note settings (session-notes issue, item 1): the format a new note starts in
 * (GIRP unless the program writes DAP or SOAP) and the topics its notes can be tagged with.
 *
 * A topic is either one of the built-in keys (`NoteTopics` in the shared contracts, shown with
 * their labels) or a program's own topic written as its label, e.g. "Reentry support". Notes
 * keep the topics they were tagged with when a program later drops one from its list: the list
 * says what new tags may be chosen, not what old notes mean. The defaults are the built-in keys,
 * written out here so the migration stays what it was when the contracts list grows.
 */
export class ProgramNoteSettings1764900000000 implements MigrationInterface {
  name = 'ProgramNoteSettings1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE programs
        ADD COLUMN note_format text NOT NULL DEFAULT 'GIRP' CHECK (note_format IN ('GIRP', 'DAP', 'SOAP')),
        ADD COLUMN note_topics text[] NOT NULL DEFAULT ARRAY[
          'cravings', 'triggers', 'boundaries', 'housing', 'employment', 'education', 'family', 'relationships',
          'mutual_aid_meetings', 'medication', 'physical_health', 'mental_health', 'legal', 'transportation',
          'benefits', 'recovery_plan'
        ]::text[]
          CHECK (cardinality(note_topics) BETWEEN 1 AND 60 AND array_position(note_topics, NULL) IS NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE programs DROP COLUMN note_topics, DROP COLUMN note_format`);
  }
}
