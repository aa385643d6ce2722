/**
 * Checks for values decoded from a client's keyset cursor before they reach a SQL cast: a cursor
 * is client input, and a date PostgreSQL cannot parse would otherwise be a 500, not a 400.
 */

/** A real calendar date, YYYY-MM-DD, in years PostgreSQL and JavaScript agree on. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '1000') return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A UTC timestamp with microseconds, as the timeline writes it: YYYY-MM-DDTHH:MM:SS.ffffffZ. */
export function isMicrosecondTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value)) return false;
  if (!isCalendarDate(value.slice(0, 10))) return false;
  const date = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === value.slice(0, 19);
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rows without a column that was selected only to build the next cursor. */
export function withoutCursorColumn<T extends object, K extends keyof T>(rows: readonly T[], column: K): Omit<T, K>[] {
  return rows.map((row) => {
    const copy = { ...row };
    delete copy[column];
    return copy;
  });
}
