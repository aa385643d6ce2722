/**
 * A calendar date (YYYY-MM-DD) as a sentence writes it, "Nov 28, 2026": for the API's own
 * sentences (a flag's reason, a conflict's detail), which are English. A calendar date has no
 * time zone, so it is formatted as the day it names (in UTC, where its midnight is that day).
 */
export function calendarDateText(date: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}
