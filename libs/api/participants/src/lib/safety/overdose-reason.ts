/**
 * The reason an overdose gives the high-risk flag. It is stored and shown as a sentence, so its
 * date reads as people write dates ("Nov 28, 2026"), not as an ISO date. A calendar date has no
 * time zone: it is formatted as the day it names (in UTC, where its midnight is that day).
 */
export function overdoseReason(occurredOn: string): string {
  const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${occurredOn}T00:00:00Z`));
  return `Overdose recorded for ${day}`;
}
