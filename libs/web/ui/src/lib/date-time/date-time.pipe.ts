import { inject, LOCALE_ID, Pipe, PipeTransform } from '@angular/core';
import { canonicalZone, PROGRAM_TIME_ZONE, VIEWER_TIME_ZONE } from '@waypoint/web-clock';

/**
 * A moment as date and time in the app's locale and an IANA time zone, e.g. "Mar 4, 2026, 2:05
 * PM". The zone is the one given, else the program's (PROGRAM_TIME_ZONE), so every time on a
 * page is on one clock; when that is not the viewer's own zone the time says which ("2:05 PM
 * CST"). Angular's DatePipe takes only offsets, not zone names, so daylight saving would be
 * wrong for half the year. An unknown zone falls back to the browser's.
 */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  readonly #locale = inject(LOCALE_ID);
  readonly #programZone = inject(PROGRAM_TIME_ZONE);
  readonly #viewerZone = canonicalZone(inject(VIEWER_TIME_ZONE));
  readonly #formats = new Map<string, Intl.DateTimeFormat>();

  transform(value: string | number | Date | null | undefined, timeZone?: string | null): string {
    if (value === null || value === undefined || value === '') return '';
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return '';
    return this.#format(canonicalZone(timeZone ?? this.#programZone()) ?? undefined).format(date);
  }

  #format(timeZone: string | undefined): Intl.DateTimeFormat {
    const key = timeZone ?? '';
    let format = this.#formats.get(key);
    if (!format) {
      try {
        // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are spelled out.
        const named = timeZone !== undefined && timeZone !== this.#viewerZone;
        format = named
          ? new Intl.DateTimeFormat(this.#locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' })
          : new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
      } catch {
        format = new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium', timeStyle: 'short' });
      }
      this.#formats.set(key, format);
    }
    return format;
  }
}
