import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A note returned by a supervisor notifies its author (issue 16, "honest pages"): a second kind
 * of in-app notification, and the note it is about, so the notification links straight to it.
 * The comment itself stays on the note; a notification carries ids only.
 */
export class NoteReturnedNotifications1765200000000 implements MigrationInterface {
  name = 'NoteReturnedNotifications1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_check,
        ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('high_risk_flagged', 'note_returned')),
        ADD COLUMN note_id uuid REFERENCES session_notes(id),
        ADD CONSTRAINT notifications_note_kind CHECK ((kind = 'note_returned') = (note_id IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind = 'note_returned'`);
    await db.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_note_kind,
        DROP COLUMN note_id,
        DROP CONSTRAINT notifications_kind_check,
        ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('high_risk_flagged'))`);
  }
}
