/**
 * The H0038 billing-unit rule (peer support services, per 15 minutes), in one place.
 * The API computes stored units with it and the dashboard shows the live count with it, so the
 * number on screen is always the number saved. Units are never typed by hand.
 *
 * Programs differ, so every number here comes from a `BillingRule` that the API reads from its
 * configuration (BILLING_* variables) and hands to the dashboard; `DEFAULT_BILLING_RULE` is the
 * rule of docs/domain-model.md, "Billing (H0038)".
 */
export interface BillingRule {
  /** HCPCS code billed; always H0038 (peer support services). */
  code: 'H0038';
  /** Minutes in one billing unit (15 for H0038). */
  unitMinutes: number;
  /** Fewest minutes that earn a unit; also where each further unit starts (8 → 8–22 = 1, 23–37 = 2). */
  roundingMinutes: number;
  /** Most units one participant may be billed on one day. */
  dailyCapUnits: number;
  /** Modifier added to group sessions (HQ: group setting). */
  groupModifier: string;
  /** Modifier every claim of this program carries (e.g. HF: substance use program), or none. */
  programModifier: string | null;
}

export const DEFAULT_BILLING_RULE: Readonly<BillingRule> = Object.freeze({
  code: 'H0038',
  unitMinutes: 15,
  roundingMinutes: 8,
  dailyCapUnits: 16,
  groupModifier: 'HQ',
  programModifier: null,
});

const MS_PER_MINUTE = 60_000;

/**
 * Whole minutes from start to end, rounded down (a partial minute is not billed).
 * Throws a RangeError when either time is not a valid date or the end is before the start, so
 * a bad pair of times can never turn silently into zero or negative units; callers that take
 * times from a form should validate first (the API checks end > start itself). Equal times give 0.
 */
export function minutesBetween(startedAt: string | Date, endedAt: string | Date): number {
  const start = toTime(startedAt, 'start');
  const end = toTime(endedAt, 'end');
  if (end < start) {
    throw new RangeError(`The end time (${new Date(end).toISOString()}) is before the start time (${new Date(start).toISOString()})`);
  }
  return Math.floor((end - start) / MS_PER_MINUTE);
}

function toTime(value: string | Date, which: 'start' | 'end'): number {
  const time = (value instanceof Date ? value : new Date(value)).getTime();
  if (!Number.isFinite(time)) {
    throw new RangeError(`The ${which} time is not a valid date (got ${value instanceof Date ? 'an invalid Date' : JSON.stringify(value)})`);
  }
  return time;
}

/**
 * Units earned by a session of `minutes`:
 * floor((minutes + unitMinutes − roundingMinutes) / unitMinutes), and 0 below roundingMinutes.
 * With the default rule this is floor((minutes + 7) / 15): 0–7 min = 0, 8–22 = 1, 23–37 = 2, …
 * Partial minutes are dropped first; negative, NaN or infinite minutes give 0.
 * The daily cap is not applied here (see `applyDailyCap`).
 */
export function billableUnits(minutes: number, rule: BillingRule): number {
  if (!Number.isFinite(minutes) || minutes < 0) return 0;
  const whole = Math.floor(minutes);
  if (whole < rule.roundingMinutes) return 0;
  return Math.floor((whole + rule.unitMinutes - rule.roundingMinutes) / rule.unitMinutes);
}

/** What the daily cap leaves of a session's units. */
export interface CappedUnits {
  /** Units that may still be billed for this session (never negative). */
  units: number;
  /** Units the session earned before the cap. */
  requested: number;
  /** Whether the cap cut anything off (the screen warns when it does). */
  capped: boolean;
  /** Units cut off by the cap (requested − units). */
  over: number;
}

/**
 * Applies the per-participant daily cap to a session's units, given the units already billed
 * to the same participant that day. Negative or non-finite counts are treated as 0.
 */
export function applyDailyCap(units: number, alreadyBilledToday: number, rule: BillingRule): CappedUnits {
  const requested = wholeCount(units);
  const remaining = Math.max(0, rule.dailyCapUnits - wholeCount(alreadyBilledToday));
  const allowed = Math.min(requested, remaining);
  const over = requested - allowed;
  return { units: allowed, requested, capped: over > 0, over };
}

function wholeCount(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * Modifiers for a session's claim line. The program modifier comes first and the group modifier
 * second (e.g. "H0038 HF HQ"): state fee schedules list the program/service-line modifier first
 * because it selects the rate schedule, and the setting (HQ, group) qualifies it. An individual
 * session of a program without a modifier has none.
 */
export function billingModifiers(kind: { group: boolean }, rule: BillingRule): string[] {
  const modifiers: string[] = [];
  if (rule.programModifier) modifiers.push(rule.programModifier);
  if (kind.group) modifiers.push(rule.groupModifier);
  return modifiers;
}
