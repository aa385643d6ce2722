import type { DataSource, EntityManager } from 'typeorm';

/**
 * The program's clock. A calendar day — "today", "overdue", "days since contact", the first and
 * last day of an assignment — is always a day in the program's own time zone
 * (`programs.time_zone`), never the database's: the app runs its sessions in UTC, so
 * `current_date` in Chicago turns to tomorrow at 6 pm and a follow-up due today would show as
 * overdue all evening. Every store builds its day from these two expressions instead.
 *
 * `program` is SQL that yields the program's id: a `$n` placeholder (the subquery is then
 * uncorrelated, and PostgreSQL evaluates it once per statement) or a column such as
 * `p.program_id`.
 */
export function programTodaySql(program: string): string {
  return `(SELECT (now() AT TIME ZONE clock_p.time_zone)::date FROM programs clock_p WHERE clock_p.id = ${program})`;
}

/** SQL for the program's calendar day on which the instant (`timestamptz`) `instant` fell. */
export function programDayOfSql(instant: string, program: string): string {
  return `(${instant} AT TIME ZONE (SELECT clock_p.time_zone FROM programs clock_p WHERE clock_p.id = ${program}))::date`;
}

/** Today in the program's time zone, as YYYY-MM-DD, for checks made in TypeScript. */
export async function programToday(db: DataSource | EntityManager, programId: string): Promise<string> {
  const [row] = (await db.query(`SELECT ${programTodaySql('$1::uuid')}::text AS today`, [programId])) as { today: string | null }[];
  // Every caller is signed in to an existing program; a missing one is a bug, not a user error.
  if (!row?.today) throw new Error('No such program for its clock.');
  return row.today;
}
