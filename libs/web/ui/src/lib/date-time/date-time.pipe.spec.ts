import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DateTimePipe } from './date-time.pipe';
import { PROGRAM_TIME_ZONE, VIEWER_TIME_ZONE } from '@waypoint/web-clock';

describe('DateTimePipe', () => {
  /** The pipe as a viewer in `viewer` sees it, signed in to a program in `program` (if any). */
  function pipe(locale = 'en-US', viewer = 'America/Chicago', program: string | null = null): DateTimePipe {
    TestBed.configureTestingModule({
      providers: [
        { provide: LOCALE_ID, useValue: locale },
        { provide: VIEWER_TIME_ZONE, useValue: viewer },
        { provide: PROGRAM_TIME_ZONE, useValue: () => program },
      ],
    });
    return TestBed.runInInjectionContext(() => new DateTimePipe());
  }

  it('shows the moment in the named time zone, daylight saving included', () => {
    const format = pipe();
    expect(format.transform('2026-01-15T18:30:00Z', 'America/Chicago')).toBe('Jan 15, 2026, 12:30 PM');
    expect(format.transform('2026-07-15T18:30:00Z', 'America/Chicago')).toBe('Jul 15, 2026, 1:30 PM');
  });

  it('says which zone a time is in when it is not the viewer’s own', () => {
    const elsewhere = pipe('en-US', 'Europe/Berlin');
    expect(elsewhere.transform('2026-01-15T18:30:00Z', 'America/Chicago')).toBe('Jan 15, 2026, 12:30 PM CST');
    // The same zone under another name is the viewer's own: no label.
    TestBed.resetTestingModule();
    expect(pipe('en-US', 'US/Central').transform('2026-01-15T18:30:00Z', 'America/Chicago')).toBe('Jan 15, 2026, 12:30 PM');
  });

  it('shows every time on the program’s clock when no zone is given, so a page has one zone', () => {
    const format = pipe('en-US', 'America/New_York', 'America/Chicago');
    expect(format.transform('2026-01-15T18:30:00Z')).toBe('Jan 15, 2026, 12:30 PM CST');
    TestBed.resetTestingModule();
    // Signed in where the program is: nothing to say.
    expect(pipe('en-US', 'America/Chicago', 'America/Chicago').transform('2026-01-15T18:30:00Z')).toBe('Jan 15, 2026, 12:30 PM');
  });

  it('follows the app locale', () => {
    expect(pipe('es').transform('2026-01-15T18:30:00Z', 'UTC')).toContain('15 ene 2026');
  });

  it('is empty for nothing or nonsense, and survives an unknown zone', () => {
    const format = pipe();
    expect(format.transform(null)).toBe('');
    expect(format.transform('not a date')).toBe('');
    expect(format.transform('2026-01-15T18:30:00Z', 'Mars/Olympus')).toMatch(/2026/);
  });
});
