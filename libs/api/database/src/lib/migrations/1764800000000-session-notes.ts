import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session notes (session-notes issue, items 1–4):
 * - `session_notes`: one contact with one participant. Times, contact type, modality, location,
 *   the format (GIRP by default, DAP or SOAP) with each section its own key of `sections`, linked
 *   goals, topics, the risk check, naloxone, the follow-up date, and the billing the API computed
 *   from the times (H0038 units and modifiers; never typed by hand). Status draft → submitted →
 *   signed (locked, with the signer's name and credential as they were) → co-signed; a submitted
 *   note can be returned to draft with a comment. `idempotency_key` makes a retried create one note.
 * - `group_sessions`: one group meeting (facilitator, topic, time); each attendee gets their own
 *   note pointing at it, with the shared intervention, their own response and the group modifier.
 * - `note_addenda`: corrections to a signed note (author, reason, text, time), append-only.
 * - A trigger refuses any change to a signed note's content, even by the owner: only the
 *   co-signature may still be added. Corrections are addenda.
 */
export class SessionNotes1764800000000 implements MigrationInterface {
  name = 'SessionNotes1764800000000';

  async up(db: QueryRunner): Promise<void> {
    // One group meeting; each attendee's note points at it (shared intervention, their own response).
    await db.query(`
      CREATE TABLE group_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        facilitator_id uuid NOT NULL REFERENCES users(id),
        topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
        started_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL CHECK (ended_at > started_at),
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (program_id, facilitator_id, idempotency_key)
      )`);
    await db.query(`GRANT SELECT, INSERT ON group_sessions TO waypoint_app`);

    await db.query(`
      CREATE TABLE session_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        author_id uuid NOT NULL REFERENCES users(id),
        group_session_id uuid REFERENCES group_sessions(id),
        started_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL,
        contact_type text NOT NULL CHECK (contact_type IN ('individual', 'group', 'brief_check_in', 'collateral', 'attempted')),
        modality text NOT NULL CHECK (modality IN ('in_person', 'phone', 'video', 'text')),
        location text CHECK (length(location) <= 200),
        format text NOT NULL DEFAULT 'GIRP' CHECK (format IN ('GIRP', 'DAP', 'SOAP')),
        sections jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(sections) = 'object' AND length(sections::text) <= 20000),
        goal_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(goal_ids) <= 20),
        topics text[] NOT NULL DEFAULT '{}' CHECK (cardinality(topics) <= 20),
        risk_concern boolean NOT NULL DEFAULT false,
        risk_detail text CHECK (length(risk_detail) <= 2000),
        naloxone_provided boolean NOT NULL DEFAULT false,
        follow_up_on date,
        units smallint NOT NULL DEFAULT 0 CHECK (units >= 0),
        modifiers text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'signed', 'cosigned')),
        reviewed_with_participant boolean NOT NULL DEFAULT false,
        submitted_at timestamptz,
        signed_at timestamptz,
        signed_by_name text,
        signed_by_credential text,
        cosigned_at timestamptz,
        cosigned_by uuid REFERENCES users(id),
        returned_at timestamptz,
        returned_by uuid REFERENCES users(id),
        return_comment text CHECK (length(return_comment) <= 2000),
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (ended_at > started_at AND ended_at - started_at <= interval '12 hours'),
        CHECK (status NOT IN ('signed', 'cosigned') OR (signed_at IS NOT NULL AND signed_by_name IS NOT NULL)),
        CHECK (status <> 'cosigned' OR (cosigned_at IS NOT NULL AND cosigned_by IS NOT NULL)),
        UNIQUE (program_id, author_id, idempotency_key)
      )`);
    // A participant's notes, newest first; the daily-cap sum reads the same index.
    await db.query(`CREATE INDEX session_notes_participant_idx ON session_notes (program_id, participant_id, started_at DESC, id)`);
    // The co-sign queue: the team's submitted and signed notes, oldest first.
    await db.query(`CREATE INDEX session_notes_awaiting_idx ON session_notes (program_id, author_id, submitted_at, id) WHERE status IN ('submitted', 'signed')`);
    // "My notes": an author's drafts.
    await db.query(`CREATE INDEX session_notes_drafts_idx ON session_notes (program_id, author_id, created_at) WHERE status = 'draft'`);
    await db.query(`CREATE TRIGGER session_notes_touch BEFORE UPDATE ON session_notes FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);
    await db.query(`
      CREATE FUNCTION session_notes_locked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IN ('signed', 'cosigned') AND (
             (to_jsonb(NEW) - ARRAY['status', 'cosigned_at', 'cosigned_by', 'updated_at', 'version'])
             IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'cosigned_at', 'cosigned_by', 'updated_at', 'version'])
             OR NEW.status NOT IN ('signed', 'cosigned')) THEN
          RAISE EXCEPTION 'session note % is signed: add an addendum instead', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER session_notes_locked BEFORE UPDATE ON session_notes FOR EACH ROW EXECUTE FUNCTION session_notes_locked()`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON session_notes TO waypoint_app`);

    await db.query(`
      CREATE TABLE note_addenda (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        note_id uuid NOT NULL REFERENCES session_notes(id),
        author_id uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX note_addenda_note_idx ON note_addenda (note_id, created_at)`);
    await db.query(`CREATE INDEX session_notes_group_idx ON session_notes (group_session_id) WHERE group_session_id IS NOT NULL`);
    await db.query(`GRANT SELECT, INSERT ON note_addenda TO waypoint_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE note_addenda, session_notes, group_sessions`);
    await db.query(`DROP FUNCTION session_notes_locked()`);
  }
}
