import { DEFAULT_BILLING_RULE } from '@waypoint/shared-contracts';
import { confirmedUnits, dailyCapReason, estimateUnits, unitsBilledThatDay } from './note-billing';
import { defaultFields } from './note-fields';
import { sessionNote } from './note-fixtures';

const rule = DEFAULT_BILLING_RULE;
const START = '2026-11-21T14:00:00.000Z';
const fields = (minutes: number | null, contactType: 'individual' | 'group' | 'attempted' = 'individual') => ({
  ...defaultFields(new Date(), null),
  startedAt: START,
  durationMinutes: minutes,
  contactType,
});

describe('units while typing', () => {
  it('follow the shared H0038 rule: 8–22 minutes one unit, 23–37 two, under 8 none', () => {
    expect(estimateUnits(fields(30), rule, [], null, 'UTC')).toMatchObject({ units: 2, requested: 2, capped: false, code: 'H0038', confirmed: false });
    expect(estimateUnits(fields(22), rule, [], null, 'UTC')?.units).toBe(1);
    expect(estimateUnits(fields(38), rule, [], null, 'UTC')?.units).toBe(3);
    expect(estimateUnits(fields(7), rule, [], null, 'UTC')?.units).toBe(0);
    expect(estimateUnits(fields(null), rule, [], null, 'UTC')).toBeNull();
  });

  it('bill nothing for an attempted contact and mark a group session HQ', () => {
    expect(estimateUnits(fields(30, 'attempted'), rule, [], null, 'UTC')?.units).toBe(0);
    expect(estimateUnits(fields(30, 'group'), rule, [], null, 'UTC')?.code).toBe('H0038 HQ');
  });

  it('warn when the participant’s other notes that day would pass the daily cap', () => {
    const others = [
      sessionNote({ id: 'a', startedAt: '2026-11-21T09:00:00.000Z', units: 8 }),
      sessionNote({ id: 'b', startedAt: '2026-11-21T11:00:00.000Z', units: 7 }),
      sessionNote({ id: 'c', startedAt: '2026-11-20T11:00:00.000Z', units: 16 }),
    ];
    expect(unitsBilledThatDay(others, START, null, 'UTC')).toBe(15);
    expect(estimateUnits(fields(30), rule, others, null, 'UTC')).toMatchObject({ units: 1, requested: 2, capped: true, over: 1, billedThatDay: 15 });
    // The note itself is not counted twice once it is saved.
    expect(unitsBilledThatDay(others, START, 'b', 'UTC')).toBe(8);
  });

  it('count the day on the program’s calendar, as the API does', () => {
    // 02:00 UTC on the 22nd is 9 pm on the 21st in New York: the same day as a 9 am visit there.
    const others = [sessionNote({ id: 'late', startedAt: '2026-11-22T02:00:00.000Z', units: 15 })];
    expect(unitsBilledThatDay(others, START, null, 'America/New_York')).toBe(15);
    expect(unitsBilledThatDay(others, START, null, 'UTC')).toBe(0);
    expect(estimateUnits(fields(30), rule, others, null, 'America/New_York')).toMatchObject({ units: 1, capped: true });
  });

  it('show what the API decided once it saved the note', () => {
    const saved = sessionNote({ units: 1, billing: { units: 1, requested: 2, capped: true, over: 1, modifiers: [] } });
    expect(confirmedUnits(saved, rule)).toMatchObject({ units: 1, requested: 2, capped: true, over: 1, confirmed: true, code: 'H0038' });
    // A note read back without `billing` shows the cap by units below what its times earn.
    expect(confirmedUnits(sessionNote({ durationMinutes: 30, units: 1 }), rule)).toMatchObject({ units: 1, requested: 2, capped: true });
    expect(confirmedUnits(sessionNote({ units: 2, modifiers: ['HQ'] }), rule)).toMatchObject({ capped: false, code: 'H0038 HQ' });
  });

  it('takes a note read back at the API\'s word about the cap, and works out what the other notes billed that day', () => {
    const long = sessionNote({ durationMinutes: 240, units: 3, unitsBeforeCap: 16, cappedByDailyLimit: true, dailyCapUnits: 16 });
    expect(confirmedUnits(long, null)).toMatchObject({ units: 3, requested: 16, capped: true, over: 13, billedThatDay: 13 });
  });
});

describe('dailyCapReason', () => {
  it('says why a long note bills few units: the cap, and how much the day already used', () => {
    const long = sessionNote({ durationMinutes: 240, units: 3, unitsBeforeCap: 16, cappedByDailyLimit: true, dailyCapUnits: 16 });
    expect(dailyCapReason(long)).toBe('daily cap of 16 units reached: 13 already billed that day');
  });

  it('says nothing for a note the cap did not touch, and no number it was not told', () => {
    expect(dailyCapReason(sessionNote({ units: 2, unitsBeforeCap: 2, cappedByDailyLimit: false, dailyCapUnits: 16 }))).toBeNull();
    expect(dailyCapReason(sessionNote({ units: 0, cappedByDailyLimit: true }))).toBe('daily cap reached');
  });
});
