import { applyDailyCap, billableUnits, billingModifiers, type BillingRule } from '@waypoint/shared-contracts';
import type { SessionNote } from '@waypoint/web-participant-data';
import { todayIn } from '../status/calendar-date';
import { contentOf, type NoteFields } from './note-fields';

/** The units a note bills, as shown beside its times. */
export interface UnitsEstimate {
  /** Units after the daily cap. */
  units: number;
  /** Units the times earn before the cap. */
  requested: number;
  capped: boolean;
  over: number;
  /** Units already billed to the participant that day by their other notes. */
  billedThatDay: number;
  /** e.g. "H0038" or "H0038 HQ". */
  code: string;
  /** Whether this is the API's own answer to the last save rather than the estimate. */
  confirmed: boolean;
}

/** The calendar day the API counts the cap on: the start's day in the program's time zone (note-rules.ts). */
const capDay = (iso: string, timeZone: string | null) => todayIn(timeZone, new Date(iso));

/**
 * Units billed that day by the participant's other notes, from the notes at hand (the newest
 * page of the list). Best effort: notes not loaded are not counted; the API's answer after a
 * save is the one that counts.
 */
export function unitsBilledThatDay(
  notes: readonly Pick<SessionNote, 'id' | 'startedAt' | 'units'>[],
  startedAt: string,
  exceptId: string | null,
  timeZone: string | null,
): number {
  const day = capDay(startedAt, timeZone);
  return notes.filter((note) => note.id !== exceptId && capDay(note.startedAt, timeZone) === day).reduce((sum, note) => sum + note.units, 0);
}

/**
 * The live count while typing, with the shared rule the API uses (an attempted contact bills
 * nothing), capped by what the participant's other notes billed that day. Null while the times
 * are not a whole start and duration.
 */
export function estimateUnits(
  fields: Pick<NoteFields, 'startedAt' | 'durationMinutes' | 'contactType'>,
  rule: BillingRule,
  otherNotes: readonly Pick<SessionNote, 'id' | 'startedAt' | 'units'>[],
  noteId: string | null,
  timeZone: string | null,
): UnitsEstimate | null {
  const start = fields.startedAt;
  if (Number.isNaN(Date.parse(start)) || fields.durationMinutes === null) return null;
  const earned = fields.contactType === 'attempted' ? 0 : billableUnits(fields.durationMinutes, rule);
  const billedThatDay = unitsBilledThatDay(otherNotes, start, noteId, timeZone);
  const capped = applyDailyCap(earned, billedThatDay, rule);
  return { ...capped, billedThatDay, code: claimCode(fields.contactType, rule), confirmed: false };
}

/**
 * What the API said the cap did to the note it saved: on a create or update it sends `billing`;
 * a note read back (GET) shows it by units below what its times earn.
 */
export function confirmedUnits(note: SessionNote, rule: BillingRule | null): UnitsEstimate {
  const requested = note.billing?.requested ?? (rule && note.contactType !== 'attempted' ? billableUnits(note.durationMinutes, rule) : note.units);
  const units = note.billing?.units ?? note.units;
  const over = Math.max(0, requested - units);
  const modifiers = note.billing?.modifiers ?? note.modifiers;
  return {
    units,
    requested,
    capped: note.billing?.capped ?? over > 0,
    over: note.billing?.over ?? over,
    billedThatDay: 0,
    code: ['H0038', ...modifiers].join(' '),
    confirmed: true,
  };
}

function claimCode(contactType: NoteFields['contactType'], rule: BillingRule): string {
  return [rule.code, ...billingModifiers({ group: contactType === 'group' }, rule)].join(' ');
}

/** Whether two sets of fields bill the same: the same start, duration and kind of contact. */
export function sameBilling(a: NoteFields, b: NoteFields): boolean {
  const [left, right] = [contentOf(a), contentOf(b)];
  return left.startedAt === right.startedAt && left.durationMinutes === right.durationMinutes && left.contactType === right.contactType;
}
