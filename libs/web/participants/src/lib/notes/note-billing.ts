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
 * every note read back carries `unitsBeforeCap` and `cappedByDailyLimit`.
 */
export function confirmedUnits(note: SessionNote, rule: BillingRule | null): UnitsEstimate {
  const earned = rule && note.contactType !== 'attempted' ? billableUnits(note.durationMinutes, rule) : note.units;
  const requested = note.billing?.requested ?? note.unitsBeforeCap ?? earned;
  const units = note.billing?.units ?? note.units;
  const over = Math.max(0, requested - units);
  const modifiers = note.billing?.modifiers ?? note.modifiers;
  const capped = note.billing?.capped ?? note.cappedByDailyLimit ?? over > 0;
  const cap = note.dailyCapUnits ?? rule?.dailyCapUnits;
  return {
    units,
    requested,
    capped,
    over: note.billing?.over ?? over,
    // The cap left this note what the other notes had not used: they used cap − units.
    billedThatDay: capped && cap !== undefined ? Math.max(0, cap - units) : 0,
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

/**
 * Why a saved note bills fewer units than its times earn, e.g. "daily cap of 16 units reached:
 * 13 already billed that day", or null when the cap did not touch it. The cap left the note
 * exactly what the participant's other notes had not used, so those used cap − units.
 */
export function dailyCapReason(note: Pick<SessionNote, 'units' | 'cappedByDailyLimit' | 'dailyCapUnits'>): string | null {
  if (!note.cappedByDailyLimit) return null;
  if (note.dailyCapUnits === undefined) return $localize`:Why a note bills fewer units:daily cap reached`;
  const billed = Math.max(0, note.dailyCapUnits - note.units);
  return $localize`:Why a note bills fewer units:daily cap of ${note.dailyCapUnits}:cap: units reached: ${billed}:billed: already billed that day`;
}
