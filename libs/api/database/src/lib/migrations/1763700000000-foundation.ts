import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant and the people: programs, teams, users, participants and care assignments.
 * Every program-owned table carries `program_id`, and its unique constraints and hot indexes
 * lead with it, so the schema can later be distributed by program (Citus).
 * The API role gets exactly the grants listed here; nothing is granted by default privileges.
 */
export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await db.query(`
      CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.updated_at := now(); RETURN NEW; END $$`);

    await db.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
        time_zone text NOT NULL DEFAULT 'America/New_York',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);

    await db.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        supervisor_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (program_id, name)
      )`);

    // Email is unique across programs because sign-in is by email alone.
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        email citext NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('specialist', 'supervisor', 'clinician', 'admin')),
        team_id uuid REFERENCES teams(id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        password_hash text,
        credentials text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX users_program_team_idx ON users (program_id, team_id)`);
    await db.query(`ALTER TABLE teams ADD FOREIGN KEY (supervisor_id) REFERENCES users(id)`);

    await db.query(`
      CREATE TABLE participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        legal_first_name text NOT NULL CHECK (length(legal_first_name) BETWEEN 1 AND 100),
        legal_last_name text NOT NULL CHECK (length(legal_last_name) BETWEEN 1 AND 100),
        preferred_name text CHECK (length(preferred_name) <= 100),
        pronouns text CHECK (length(pronouns) <= 40),
        date_of_birth date NOT NULL,
        phone text CHECK (length(phone) <= 40),
        email citext CHECK (length(email) <= 254),
        preferred_contact_method text CHECK (preferred_contact_method IN ('phone', 'text', 'email', 'in_person')),
        ok_to_text boolean NOT NULL DEFAULT false,
        recovery_pathways text[] NOT NULL DEFAULT '{}',
        primary_substances text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'referred' CHECK (status IN ('referred', 'active', 'inactive', 'discharged')),
        enrolled_on date,
        discharged_on date,
        part2_protected boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX participants_program_status_idx ON participants (program_id, status)`);

    // "My caseload": who is assigned to whom, with history (ended assignments keep their rows).
    await db.query(`
      CREATE TABLE care_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        specialist_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('primary', 'secondary')),
        starts_on date NOT NULL DEFAULT current_date,
        ends_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await db.query(`
      CREATE INDEX care_assignments_specialist_idx
        ON care_assignments (program_id, specialist_id) WHERE ends_on IS NULL`);
    await db.query(`
      CREATE UNIQUE INDEX care_assignments_one_primary_idx
        ON care_assignments (program_id, participant_id) WHERE kind = 'primary' AND ends_on IS NULL`);

    for (const table of ['programs', 'teams', 'users', 'participants', 'care_assignments']) {
      await db.query(
        `CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
      );
      await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO waypoint_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE care_assignments, participants`);
    await db.query(`ALTER TABLE teams DROP CONSTRAINT teams_supervisor_id_fkey`);
    await db.query(`DROP TABLE users, teams, programs`);
    await db.query(`DROP FUNCTION touch_updated_at()`);
  }
}
