import { isCalendarDate, isMicrosecondTimestamp, withoutCursorColumn } from './cursor-values';

describe('cursor values', () => {
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-11-21')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '0000-01-01', '2026-1-1', '2026-11-21T00:00:00Z', '', 20261121, null]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it('accepts only UTC timestamps with microseconds that exist', () => {
    expect(isMicrosecondTimestamp('2026-11-21T16:02:05.123456Z')).toBe(true);
    for (const bad of ['2026-11-21T24:00:00.000000Z', '2026-02-30T10:00:00.000000Z', '2026-11-21T16:02:05.123Z', '2026-11-21 16:02:05.123456+00', undefined]) {
      expect(isMicrosecondTimestamp(bad)).toBe(false);
    }
  });

  it('drops the cursor-only column and leaves the rows otherwise untouched', () => {
    const rows = [{ id: 'a', name: 'Bell', sortKey: '2026-11-01' }];
    expect(withoutCursorColumn(rows, 'sortKey')).toEqual([{ id: 'a', name: 'Bell' }]);
    expect(rows[0]).toHaveProperty('sortKey');
  });
});
