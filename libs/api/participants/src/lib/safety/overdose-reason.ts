import { calendarDateText } from '../access/calendar-date-text';

/** The reason an overdose gives the high-risk flag: a sentence, so its date reads "Nov 28, 2026", not ISO. */
export function overdoseReason(occurredOn: string): string {
  return `Overdose recorded for ${calendarDateText(occurredOn)}`;
}
