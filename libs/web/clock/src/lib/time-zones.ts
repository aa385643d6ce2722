import { InjectionToken } from '@angular/core';

/**
 * The zone the dashboard shows moments and calendar days in: the signed-in person's program's
 * (the API decides every calendar day on that clock too). The app provides it from the session;
 * without a session (sign-in, unit tests) it is null and the viewer's own zone is used.
 */
export const PROGRAM_TIME_ZONE = new InjectionToken<() => string | null>('PROGRAM_TIME_ZONE', {
  providedIn: 'root',
  factory: () => () => null,
});

/** The viewer's own zone (the browser's), so a time shown in another zone can say which. */
export const VIEWER_TIME_ZONE = new InjectionToken<string>('VIEWER_TIME_ZONE', {
  providedIn: 'root',
  factory: () => new Intl.DateTimeFormat().resolvedOptions().timeZone,
});

/** A zone's canonical name ("US/Central" and "America/Chicago" are one zone), or null if unknown. */
export function canonicalZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
