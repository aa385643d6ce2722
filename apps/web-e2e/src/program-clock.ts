/**
 * The demo program's clock (libs/api/demo-data, DEMO_PROGRAM.timeZone). Dates a person types are
 * calendar days on that clock, and the dashboard refuses one "in the future" by it: a date taken
 * from UTC runs a day ahead every evening in Chicago, when the UTC day has already turned.
 */
export const DEMO_TIME_ZONE = 'America/Chicago';

/** The calendar day `days` before today on the demo program's clock, as YYYY-MM-DD. */
export function programDaysAgo(days: number, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: DEMO_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [year, month, day] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}
