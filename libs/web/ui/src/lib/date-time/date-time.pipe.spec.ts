import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DateTimePipe } from './date-time.pipe';

describe('DateTimePipe', () => {
  function pipe(locale = 'en-US'): DateTimePipe {
    TestBed.configureTestingModule({ providers: [{ provide: LOCALE_ID, useValue: locale }] });
    return TestBed.runInInjectionContext(() => new DateTimePipe());
  }

  it('shows the moment in the named time zone, daylight saving included', () => {
    const format = pipe();
    expect(format.transform('2026-01-15T18:30:00Z', 'America/Chicago')).toBe('Jan 15, 2026, 12:30 PM');
    expect(format.transform('2026-07-15T18:30:00Z', 'America/Chicago')).toBe('Jul 15, 2026, 1:30 PM');
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
