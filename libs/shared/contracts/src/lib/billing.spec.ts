import { applyDailyCap, billableUnits, billingModifiers, DEFAULT_BILLING_RULE, minutesBetween, type BillingRule } from './billing';

const rule: BillingRule = { ...DEFAULT_BILLING_RULE };

describe('DEFAULT_BILLING_RULE', () => {
  it('is the rule of the design: H0038, 15-minute units from 8 minutes, 16 a day, HQ for groups, no program modifier', () => {
    expect(DEFAULT_BILLING_RULE).toEqual({
      code: 'H0038',
      unitMinutes: 15,
      roundingMinutes: 8,
      dailyCapUnits: 16,
      groupModifier: 'HQ',
      programModifier: null,
    });
  });
});

describe('billableUnits', () => {
  it.each([
    [0, 0],
    [1, 0],
    [7, 0],
    [8, 1],
    [15, 1],
    [22, 1],
    [23, 2],
    [30, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [60, 4],
    [480, 32],
  ])('%i minutes earn %i units', (minutes, units) => {
    expect(billableUnits(minutes, rule)).toBe(units);
  });

  it('is exactly floor((m + 7) / 15) from 8 minutes on, for every minute of a long day', () => {
    for (let m = 0; m <= 24 * 60; m++) {
      expect(billableUnits(m, rule)).toBe(m < 8 ? 0 : Math.floor((m + 7) / 15));
    }
  });

  it('drops partial minutes', () => {
    expect(billableUnits(7.99, rule)).toBe(0);
    expect(billableUnits(8.5, rule)).toBe(1);
    expect(billableUnits(22.99, rule)).toBe(1);
    expect(billableUnits(23.01, rule)).toBe(2);
  });

  it.each([-1, -30, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('gives 0 for %p minutes', (minutes) => {
    expect(billableUnits(minutes, rule)).toBe(0);
  });

  it('follows a non-default rule: 30-minute units from 16 minutes', () => {
    const halfHour: BillingRule = { ...rule, unitMinutes: 30, roundingMinutes: 16 };
    expect(billableUnits(15, halfHour)).toBe(0);
    expect(billableUnits(16, halfHour)).toBe(1);
    expect(billableUnits(45, halfHour)).toBe(1);
    expect(billableUnits(46, halfHour)).toBe(2);
    expect(billableUnits(75, halfHour)).toBe(2);
    expect(billableUnits(76, halfHour)).toBe(3);
  });

  it('follows a rule that needs a whole unit: no rounding up', () => {
    const whole: BillingRule = { ...rule, roundingMinutes: 15 };
    expect(billableUnits(14, whole)).toBe(0);
    expect(billableUnits(15, whole)).toBe(1);
    expect(billableUnits(29, whole)).toBe(1);
    expect(billableUnits(30, whole)).toBe(2);
  });
});

describe('minutesBetween', () => {
  it('counts whole minutes, rounding down', () => {
    expect(minutesBetween('2025-03-03T09:00:00Z', '2025-03-03T09:22:59Z')).toBe(22);
    expect(minutesBetween('2025-03-03T09:00:00Z', '2025-03-03T09:23:00Z')).toBe(23);
    expect(minutesBetween(new Date('2025-03-03T09:00:00Z'), new Date('2025-03-03T17:00:00Z'))).toBe(480);
  });

  it('gives 0 for equal times', () => {
    expect(minutesBetween('2025-03-03T09:00:00Z', '2025-03-03T09:00:00Z')).toBe(0);
  });

  it('compares instants, whatever the time zone offset', () => {
    expect(minutesBetween('2025-03-03T09:00:00-05:00', '2025-03-03T14:08:00Z')).toBe(8);
  });

  it('refuses an end before the start', () => {
    expect(() => minutesBetween('2025-03-03T09:30:00Z', '2025-03-03T09:00:00Z')).toThrow(RangeError);
    expect(() => minutesBetween('2025-03-03T09:30:00Z', '2025-03-03T09:00:00Z')).toThrow(/before the start/);
  });

  it('refuses times that are not dates', () => {
    expect(() => minutesBetween('not a time', '2025-03-03T09:00:00Z')).toThrow(/start time is not a valid date/);
    expect(() => minutesBetween('2025-03-03T09:00:00Z', new Date(Number.NaN))).toThrow(/end time is not a valid date/);
  });

  it('feeds billableUnits: a 9:00–9:23 session earns 2 units', () => {
    expect(billableUnits(minutesBetween('2025-03-03T09:00:00Z', '2025-03-03T09:23:00Z'), rule)).toBe(2);
  });
});

describe('applyDailyCap', () => {
  it('passes units through under the cap', () => {
    expect(applyDailyCap(4, 10, rule)).toEqual({ units: 4, requested: 4, capped: false, over: 0 });
  });

  it('passes units through when they reach the cap exactly', () => {
    expect(applyDailyCap(6, 10, rule)).toEqual({ units: 6, requested: 6, capped: false, over: 0 });
    expect(applyDailyCap(16, 0, rule)).toEqual({ units: 16, requested: 16, capped: false, over: 0 });
  });

  it('cuts units that would exceed the cap', () => {
    expect(applyDailyCap(4, 14, rule)).toEqual({ units: 2, requested: 4, capped: true, over: 2 });
    expect(applyDailyCap(32, 0, rule)).toEqual({ units: 16, requested: 32, capped: true, over: 16 });
  });

  it('allows nothing once the cap is reached or already over, never a negative count', () => {
    expect(applyDailyCap(3, 16, rule)).toEqual({ units: 0, requested: 3, capped: true, over: 3 });
    expect(applyDailyCap(3, 20, rule)).toEqual({ units: 0, requested: 3, capped: true, over: 3 });
  });

  it('does not warn about a session that earns nothing', () => {
    expect(applyDailyCap(0, 20, rule)).toEqual({ units: 0, requested: 0, capped: false, over: 0 });
  });

  it('treats negative or non-finite counts as 0', () => {
    expect(applyDailyCap(-2, 0, rule)).toEqual({ units: 0, requested: 0, capped: false, over: 0 });
    expect(applyDailyCap(Number.NaN, 0, rule)).toEqual({ units: 0, requested: 0, capped: false, over: 0 });
    expect(applyDailyCap(2, -5, rule)).toEqual({ units: 2, requested: 2, capped: false, over: 0 });
  });

  it('uses the configured cap', () => {
    expect(applyDailyCap(5, 0, { ...rule, dailyCapUnits: 4 })).toEqual({ units: 4, requested: 5, capped: true, over: 1 });
  });
});

describe('billingModifiers', () => {
  it('adds the group modifier to group sessions only', () => {
    expect(billingModifiers({ group: true }, rule)).toEqual(['HQ']);
    expect(billingModifiers({ group: false }, rule)).toEqual([]);
  });

  it('puts the program modifier first, on every session of the program', () => {
    const program: BillingRule = { ...rule, programModifier: 'HF' };
    expect(billingModifiers({ group: true }, program)).toEqual(['HF', 'HQ']);
    expect(billingModifiers({ group: false }, program)).toEqual(['HF']);
  });

  it('uses the configured group modifier', () => {
    expect(billingModifiers({ group: true }, { ...rule, groupModifier: 'U1' })).toEqual(['U1']);
  });
});
