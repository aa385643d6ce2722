import { inject, LOCALE_ID, Pipe, type PipeTransform } from '@angular/core';

/**
 * A calendar date (YYYY-MM-DD) in the app's locale, e.g. "Mar 4, 2026". Read and shown as UTC,
 * so no time zone moves it to the day before.
 */
@Pipe({ name: 'planDate' })
export class PlanDatePipe implements PipeTransform {
  readonly #formats = new Map<string, Intl.DateTimeFormat>();
  readonly #locale = inject(LOCALE_ID);

  transform(value: string | null | undefined, style: 'medium' | 'long' = 'medium'): string {
    if (!value) return '';
    const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return value;
    let format = this.#formats.get(style);
    if (!format) {
      format = new Intl.DateTimeFormat(this.#locale, { dateStyle: style, timeZone: 'UTC' });
      this.#formats.set(style, format);
    }
    return format.format(date);
  }
}
