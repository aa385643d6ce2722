import { inject, LOCALE_ID, Pipe, type PipeTransform } from '@angular/core';

/**
 * A calendar date (YYYY-MM-DD) in the app's locale, e.g. "Mar 4, 2026". Read as UTC and shown
 * as UTC, so no time zone moves it to the day before.
 */
@Pipe({ name: 'calendarDate' })
export class CalendarDatePipe implements PipeTransform {
  readonly #format = new Intl.DateTimeFormat(inject(LOCALE_ID), { dateStyle: 'medium', timeZone: 'UTC' });

  transform(value: string | null | undefined): string {
    return formatCalendarDate(value, this.#format);
  }
}

export function formatCalendarDate(value: string | null | undefined, format: Intl.DateTimeFormat): string {
  if (!value) return '';
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : format.format(date);
}
