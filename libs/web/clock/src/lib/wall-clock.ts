/**
 * `datetime-local` inputs hold a wall-clock time with no zone, and the browser reads them in its
 * own. A page that shows times in the program's zone must fill and read its inputs in that zone
 * too, or a viewer elsewhere filters by one clock and reads results on another.
 */

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClockOf(date: Date, zone: string | null): WallClock {
  if (!zone) {
    return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() };
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** A moment as a `datetime-local` value on the zone's clock (null: the browser's), e.g. `2026-11-21T14:05`. */
export function wallClockInput(date: Date, zone: string | null): string {
  const clock = wallClockOf(date, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${clock.year}-${two(clock.month)}-${two(clock.day)}T${two(clock.hour)}:${two(clock.minute)}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a `datetime-local` value names on the zone's clock (null: the browser's), or
 * undefined for an empty or malformed value. Zone offsets change (daylight saving), so the
 * offset is read at the first guess and once more at the result.
 */
export function instantFromWallClock(local: string, zone: string | null): Date | undefined {
  if (!zone) {
    const date = new Date(local);
    return local && !Number.isNaN(date.getTime()) ? date : undefined;
  }
  const match = LOCAL_INPUT.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (t: number) => {
    const clock = wallClockOf(new Date(t), zone);
    return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute) - Math.floor(t / 60_000) * 60_000;
  };
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first));
}
