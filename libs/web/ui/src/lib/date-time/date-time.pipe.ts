import { inject, LOCALE_ID, Pipe, PipeTransform } from '@angular/core';

/**
 * A moment as date and time in the app's locale and the given IANA time zone (the user's
 * program's), e.g. "Mar 4, 2026, 2:05 PM". Angular's DatePipe takes only offsets, not zone
 * names, so daylight saving would be wrong for half the year. An unknown zone falls back to
 * the browser's.
 */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  readonly #locale = inject(LOCALE_ID);
  readonly #formats = new Map<string, Intl.DateTimeFormat>();

  transform(value: string | number | Date | null | undefined, timeZone?: string | null): string {
    if (value === null || value === undefined || value === '') return '';
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return '';
    return this.#format(timeZone ?? undefined).format(date);
  }

  #format(timeZone: string | undefined): Intl.DateTimeFormat {
    const key = timeZone ?? '';
    let format = this.#formats.get(key);
    if (!format) {
      try {
        format = new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
      } catch {
        format = new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium', timeStyle: 'short' });
      }
      this.#formats.set(key, format);
    }
    return format;
  }
}
