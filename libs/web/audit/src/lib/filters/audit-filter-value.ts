import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { AuditFilters, AuditOutcome } from '@waypoint/web-audit-data';

/**
 * What the filter form holds. Times are `datetime-local` values (the browser's wall clock, to
 * the minute), the same clock the table shows them in; an empty string means "any".
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

/** A moment as a `datetime-local` value in the browser's time zone, e.g. `2026-11-21T14:05`. */
export function localDateTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The filters the page opens with: the last seven days, up to now, optionally one participant. */
export function defaultFilterValue(now = new Date(), participantId = ''): AuditFilterValue {
  return {
    from: localDateTime(new Date(now.getTime() - DEFAULT_RANGE_DAYS * DAY_MS)),
    to: '',
    actorId: '',
    participantId: UUID_PATTERN.test(participantId) ? participantId : '',
    action: '',
    outcome: '',
  };
}

/** A `datetime-local` value as an ISO instant; `new Date` reads a value without offset as local time. */
function instant(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The form's value as the API's filters, leaving out the empty ones. */
export function toAuditFilters(value: AuditFilterValue): AuditFilters {
  const filters: AuditFilters = {
    from: instant(value.from),
    to: instant(value.to),
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
