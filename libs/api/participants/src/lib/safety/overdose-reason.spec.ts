import { overdoseReason } from './overdose-reason';

describe('overdoseReason', () => {
  it('writes the date as a sentence does, never as an ISO date', () => {
    expect(overdoseReason('2026-11-28')).toBe('Overdose recorded for Nov 28, 2026');
    expect(overdoseReason('2026-01-01')).toBe('Overdose recorded for Jan 1, 2026');
  });

  it('keeps the calendar day whatever the server’s own zone (a date has none)', () => {
    // Midnight UTC is still the day before in the Americas; the text must not slip back a day.
    expect(overdoseReason('2026-12-31')).toContain('Dec 31, 2026');
  });
});
