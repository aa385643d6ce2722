import type { Client } from 'pg';

/** The size of one synthetic program. */
export interface ProgramShape {
  slug: string;
  teams: number;
  specialistsPerTeam: number;
  participants: number;
}

/** Ids the bench signs in as: the first specialist of team 1 and the supervisor of team 1. */
export interface SeededProgram {
  programId: string;
  teamId: string;
  specialistId: string;
  supervisorId: string;
}

// Every statement reads the shape from this CTE, so each uses all four parameters (PostgreSQL
// refuses an unreferenced, untyped one). Ids are derived from the slug and a sequence number
// (md5 → uuid): every run builds the same rows, and assignments refer to ids without joins.
const WITH_SHAPE = `WITH shape AS (SELECT $1::text AS slug, $2::int AS teams, $3::int AS specialists, $4::int AS participants)`;
const id = (kind: string, n: string) => `md5(shape.slug || ':${kind}:' || ${n})::uuid`;

// Common names, most frequent first; `pick` favours the front of each list, so the list has
// the runs of identical surnames a real program has (and the id tie-break gets exercised).
const LAST_NAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
  Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark
  Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker
  Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins
  Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly
  Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price`;
const FIRST_NAMES = `James Mary Michael Patricia Robert Jennifer John Linda David Elizabeth William Barbara
  Richard Susan Joseph Jessica Thomas Karen Christopher Sarah Charles Lisa Daniel Nancy Matthew Sandra Anthony
  Betty Mark Ashley Donald Emily Steven Kimberly Andrew Margaret Paul Donna Joshua Michelle Kenneth Carol Kevin
  Amanda Brian Melissa Timothy Deborah Ronald Stephanie Jason Rebecca George Sharon Edward Laura Jeffrey Cynthia`;

/**
 * One program, set-based: `teams` teams, each led by a supervisor who also belongs to it;
 * `specialistsPerTeam` specialists per team; participants spread evenly over the specialists
 * (participant g → specialist (g - 1) % S + 1, so every caseload spans the alphabet), plus
 * the history a real program accumulates:
 * - 2% are mid-transfer: the current assignment ends within two weeks and the next one starts then;
 * - 40% had an earlier primary specialist (an ended assignment);
 * - 5% also have a current secondary specialist.
 */
export async function seedProgram(owner: Client, shape: ProgramShape): Promise<SeededProgram> {
  const args = [shape.slug, shape.teams, shape.teams * shape.specialistsPerTeam, shape.participants];
  const run = async (statement: string) => (await owner.query(`${WITH_SHAPE} ${statement}`, args)).rows;
  const program = id('program', "''");

  await run(`INSERT INTO programs (id, name, slug) SELECT ${program}, 'Bench ' || slug, slug FROM shape`);
  await run(`INSERT INTO teams (id, program_id, name)
    SELECT ${id('team', 'n')}, ${program}, 'Team ' || n FROM shape, generate_series(1, shape.teams) n`);
  await run(`INSERT INTO users (id, program_id, email, display_name, role, team_id)
    SELECT ${id('supervisor', 'n')}, ${program}, format('supervisor-%s@%s.bench.test', n, slug), 'Supervisor ' || n,
           'supervisor', ${id('team', 'n')}
      FROM shape, generate_series(1, shape.teams) n`);
  await run(`UPDATE teams t SET supervisor_id = u.id FROM shape, users u
    WHERE t.program_id = ${program} AND u.team_id = t.id AND u.role = 'supervisor'`);
  await run(`INSERT INTO users (id, program_id, email, display_name, role, team_id)
    SELECT ${id('specialist', 's')}, ${program}, format('specialist-%s@%s.bench.test', s, slug), 'Specialist ' || s,
           'specialist', ${id('team', '(s - 1) % shape.teams + 1')}
      FROM shape, generate_series(1, shape.specialists) s`);

  await owner.query('SELECT setseed(0.42)');
  await run(`INSERT INTO participants (id, program_id, legal_first_name, legal_last_name, preferred_name, pronouns,
      date_of_birth, phone, email, preferred_contact_method, ok_to_text, recovery_pathways, primary_substances,
      status, enrolled_on, discharged_on, discharge_reason)
    SELECT ${id('participant', 'g')}, ${program}, first, last, CASE WHEN r < 0.2 THEN left(first, 3) END,
           CASE WHEN r < 0.5 THEN 'they/them' END, DATE '1960-01-01' + (r * 15000)::int,
           '555-' || lpad((g % 10000)::text, 4, '0'), CASE WHEN r < 0.6 THEN format('p%s@example.test', g) END,
           'phone', r < 0.7, '{twelve_step}', '{alcohol}',
           CASE WHEN r < 0.6 THEN 'active' WHEN r < 0.75 THEN 'referred' WHEN r < 0.9 THEN 'inactive' ELSE 'discharged' END,
           CASE WHEN r >= 0.6 AND r < 0.75 THEN NULL ELSE current_date - (r * 900)::int END,
           CASE WHEN r >= 0.9 THEN current_date - (r * 30)::int END,
           CASE WHEN r >= 0.9 THEN 'Completed the program' END
      FROM shape, (SELECT g, random() AS r, ${pick(FIRST_NAMES)} AS first, ${pick(LAST_NAMES)} AS last
                     FROM shape, generate_series(1, shape.participants) g) people`);

  // Each participant's primary specialist is (g - 1) % S + 1, exactly N / S per caseload; the
  // history is drawn at random so it spreads over every specialist rather than a few.
  await run(`INSERT INTO care_assignments (program_id, participant_id, specialist_id, kind, starts_on, ends_on)
    SELECT ${program}, ${id('participant', 'g')}, ${id('specialist', 'a.specialist')}, a.kind, a.starts_on, a.ends_on
      FROM shape,
           (SELECT g, random() AS r, 1 + floor(random() * shape.specialists)::int AS earlier,
                   1 + floor(random() * shape.specialists)::int AS secondary,
                   current_date - floor(random() * 700)::int AS since, current_date + 1 + floor(random() * 13)::int AS handover
              FROM shape, generate_series(1, shape.participants) g) p,
           LATERAL (VALUES
             ('primary', (g - 1) % shape.specialists + 1, since, CASE WHEN r < 0.02 THEN handover END, true),
             ('primary', g % shape.specialists + 1, handover, NULL, r < 0.02),
             ('primary', earlier, since - 400, since, r >= 0.02 AND r < 0.42),
             ('secondary', secondary, current_date - 30, NULL, r >= 0.42 AND r < 0.47)
           ) AS a(kind, specialist, starts_on, ends_on, present)
     WHERE a.present`);

  const [ids] = await run(`SELECT ${program} AS "programId", ${id('team', '1')} AS "teamId",
    ${id('specialist', '1')} AS "specialistId", ${id('supervisor', '1')} AS "supervisorId" FROM shape`);
  return ids as SeededProgram;
}

/** A SQL expression picking a word from `words`, favouring the front of the list. */
function pick(words: string): string {
  const list = words.trim().split(/\s+/);
  return `(ARRAY['${list.join("','")}'])[1 + floor(random() ^ 2 * ${list.length})::int]`;
}
