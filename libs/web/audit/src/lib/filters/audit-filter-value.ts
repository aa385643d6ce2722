import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { AuditFilters, AuditOutcome } from '@waypoint/web-audit-data';
import { instantFromWallClock, wallClockInput } from '@waypoint/web-clock';

/**
 * What the filter form holds. Times are `datetime-local` values on the clock the table shows
 * times in (the program's zone; the browser's when there is none), to the minute; an empty
 * string means "any".
 */
export interface AuditFilterValue {
  from: string;
  to: string;
  actorId: string;
  participantId: string;
  action: string;
  outcome: AuditOutcome | '';
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back the trail opens: a week covers most "who looked at this?" questions. */
export const DEFAULT_RANGE_DAYS = 7;

/** The API takes only UUIDs for ids; checking here saves a round trip ending in a 400. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters the page opens with: the last seven days, up to now, optionally one participant. */
export function defaultFilterValue(now = new Date(), participantId = '', zone: string | null = null): AuditFilterValue {
  return {
    from: wallClockInput(new Date(now.getTime() - DEFAULT_RANGE_DAYS * DAY_MS), zone),
    to: '',
    actorId: '',
    participantId: UUID_PATTERN.test(participantId) ? participantId : '',
    action: '',
    outcome: '',
  };
}

/** A `datetime-local` value as an ISO instant, read on the zone's clock (null: the browser's). */
function instant(local: string, zone: string | null = null): string | undefined {
  return instantFromWallClock(local, zone)?.toISOString();
}

/** The form's value as the API's filters, leaving out the empty ones. */
export function toAuditFilters(value: AuditFilterValue, zone: string | null = null): AuditFilters {
  const filters: AuditFilters = {
    from: instant(value.from, zone),
    to: instant(value.to, zone),
    actorId: value.actorId || undefined,
    participantId: value.participantId.trim().toLowerCase() || undefined,
    action: value.action || undefined,
    outcome: value.outcome || undefined,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as AuditFilters;
}

/** A participant id, if any; spaces around a pasted id are forgiven (and trimmed when applied). */
export const participantIdValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = String(control.value ?? '').trim();
  return value && !UUID_PATTERN.test(value) ? { participantId: true } : null;
};

/** On the form: the end of the range must come after its start. */
export const rangeInOrder: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const from = instant(group.get('from')?.value ?? '');
  const to = instant(group.get('to')?.value ?? '');
  return from && to && to <= from ? { range: true } : null;
};
