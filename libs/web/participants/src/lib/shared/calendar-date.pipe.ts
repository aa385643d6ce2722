import { inject, LOCALE_ID, Pipe, type PipeTransform } from '@angular/core';

/**
 * A calendar date (YYYY-MM-DD) in the app's locale, e.g. "Mar 4, 2026" (or "March 4, 2026" with
 * 'long'). Read as UTC and shown as UTC, so no time zone moves it to the day before.
 */
@Pipe({ name: 'calendarDate' })
export class CalendarDatePipe implements PipeTransform {
  readonly #locale = inject(LOCALE_ID);
  readonly #formats = new Map<string, Intl.DateTimeFormat>();

  transform(value: string | null | undefined, style: 'medium' | 'long' = 'medium'): string {
    let format = this.#formats.get(style);
    if (!format) {
      format = new Intl.DateTimeFormat(this.#locale, { dateStyle: style, timeZone: 'UTC' });
      this.#formats.set(style, format);
    }
    return formatCalendarDate(value, format);
  }
}

export function formatCalendarDate(value: string | null | undefined, format: Intl.DateTimeFormat): string {
  if (!value) return '';
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : format.format(date);
}
