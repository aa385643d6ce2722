import { hashPassword, seal } from '@waypoint/api-credentials';
import { programTodaySql } from '@waypoint/api-database';
import { Client } from 'pg';
import { seedCareWork } from './seed-care-work';
import { seedNotes } from './seed-notes';
import {
  DEMO_CLINIC,
  DEMO_PARTICIPANTS,
  DEMO_PASSWORD,
  DEMO_PROGRAM,
  DEMO_SIGN_IN_KEYS,
  DEMO_TEAM,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
} from './demo-people';

/** The demo program's today (each seed statement passes its id as $1): dates on its own clock. */
const PROGRAM_TODAY = programTodaySql('$1::uuid');

export type SeedOutcome =
  | { seeded: true; accounts: { role: string; email: string }[]; password: string; totpSecret: string; participants: number }
  | { seeded: false; reason: string };

export interface SeedOptions {
  /** Seals the demo accounts' TOTP secret at rest (the API's ENCRYPTION_KEY). */
  encryptionKey: Buffer;
  /** Seed even though the database already holds programs (never replaces data). */
  force?: boolean;
}

/**
 * Adds the demo program in one transaction, as the schema owner. Refuses a database that
 * already has programs unless forced, and never touches an existing demo program.
 */
export async function seedDemoProgram(ownerUrl: string, options: SeedOptions): Promise<SeedOutcome> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'waypoint-seed' });
  await client.connect();
  try {
    const programs = await client.query<{ slug: string }>('SELECT slug FROM programs');
    if (programs.rows.some((row) => row.slug === DEMO_PROGRAM.slug)) {
      return { seeded: false, reason: 'the demo program is already there' };
    }
    if (programs.rows.length > 0 && !options.force) {
      return { seeded: false, reason: 'the database already holds programs (pass --force to add the demo program anyway)' };
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await client.query('BEGIN');
    try {
      await insertDemoProgram(client, passwordHash, options.encryptionKey);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    return {
      seeded: true,
      accounts: DEMO_USERS.filter((u) => DEMO_SIGN_IN_KEYS.includes(u.key)).map(({ role, email }) => ({ role, email })),
      password: DEMO_PASSWORD,
      totpSecret: DEMO_TOTP_SECRET,
      participants: DEMO_PARTICIPANTS.length,
    };
  } finally {
    await client.end();
  }
}

async function insertDemoProgram(client: Client, passwordHash: string, encryptionKey: Buffer): Promise<void> {
  const program = await client.query<{ id: string }>(
    'INSERT INTO programs (name, slug, time_zone) VALUES ($1, $2, $3) RETURNING id',
    [DEMO_PROGRAM.name, DEMO_PROGRAM.slug, DEMO_PROGRAM.timeZone],
  );
  const programId = program.rows[0].id;
  const team = await client.query<{ id: string }>('INSERT INTO teams (program_id, name) VALUES ($1, $2) RETURNING id', [
    programId,
    DEMO_TEAM,
  ]);
  const teamId = team.rows[0].id;

  const clinic = await client.query<{ id: string }>(
    `INSERT INTO organizations (program_id, name, kind) VALUES ($1, $2, 'mat') RETURNING id`,
    [programId, DEMO_CLINIC],
  );

  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const row = await client.query<{ id: string }>(
      `INSERT INTO users (program_id, email, display_name, role, team_id, organization_id, password_hash, credentials, mfa_enabled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) RETURNING id`,
      [
        programId,
        user.email,
        user.displayName,
        user.role,
        user.onTeam ? teamId : null,
        user.atClinic ? clinic.rows[0].id : null,
        passwordHash,
        user.credentials ?? null,
      ],
    );
    const userId = row.rows[0].id;
    // Sealed with the user id as associated data, exactly as enrollment stores it.
    await client.query('UPDATE users SET mfa_secret = $1 WHERE id = $2', [seal(encryptionKey, DEMO_TOTP_SECRET, userId), userId]);
    userIds.set(user.key, userId);
  }
  await client.query('UPDATE teams SET supervisor_id = $1 WHERE id = $2', [userIds.get('supervisor'), teamId]);

  // One statement for all participants and one for their assignments: seeding stays fast
  // when the issue on participants grows this list to dozens.
  const participants = await client.query<{ id: string }>(
    `INSERT INTO participants (program_id, legal_first_name, legal_last_name, preferred_name, pronouns,
       date_of_birth, phone, email, preferred_contact_method, ok_to_text, recovery_pathways, primary_substances,
       status, enrolled_on, discharged_on, discharge_reason, created_at)
     SELECT $1, p.first, p.last, p.preferred, p.pronouns, p.dob::date, p.phone, p.email, p.contact,
       p.contact = 'text', p.pathways, p.substances, p.status,
       CASE WHEN p.status <> 'referred' THEN ${PROGRAM_TODAY} - p.days_enrolled END,
       CASE WHEN p.status = 'discharged' THEN ${PROGRAM_TODAY} - 3 END,
       CASE WHEN p.status = 'discharged' THEN 'Moved out of the area; connected with a program there' END,
       -- On record since before their assignments began (30 days ago), as in a running program.
       now() - make_interval(days => greatest(p.days_enrolled, 30))
     FROM jsonb_to_recordset($2::jsonb) AS p(first text, last text, preferred text, pronouns text, dob text,
       phone text, email text, contact text, pathways text[], substances text[], status text, days_enrolled int)
     RETURNING id`,
    [programId, JSON.stringify(DEMO_PARTICIPANTS.map(toRecord))],
  );
  const assignments = participants.rows.map((row, index) => ({
    participant_id: row.id,
    specialist_id: userIds.get(DEMO_PARTICIPANTS[index].specialistKey),
  }));
  await client.query(
    `INSERT INTO care_assignments (program_id, participant_id, specialist_id, kind, starts_on)
     SELECT $1, a.participant_id, a.specialist_id, 'primary', ${PROGRAM_TODAY} - 30
     FROM jsonb_to_recordset($2::jsonb) AS a(participant_id uuid, specialist_id uuid)`,
    [programId, JSON.stringify(assignments)],
  );
  const seeded = participants.rows.map((row, index) => ({ id: row.id, person: DEMO_PARTICIPANTS[index] }));
  await seedCareWork(client, programId, userIds, seeded);
  await seedNotes(client, programId, userIds, seeded);
}

function toRecord(participant: (typeof DEMO_PARTICIPANTS)[number], index: number) {
  return {
    first: participant.first,
    last: participant.last,
    preferred: participant.preferred ?? null,
    pronouns: participant.pronouns,
    dob: participant.dateOfBirth,
    phone: `(312) 555-01${String(index).padStart(2, '0')}`,
    email: `${participant.first.toLowerCase()}.${index}@participants.waypoint.test`,
    contact: participant.contact,
    pathways: participant.pathways,
    substances: participant.substances,
    status: participant.status,
    days_enrolled: 20 + index * 9,
  };
}
