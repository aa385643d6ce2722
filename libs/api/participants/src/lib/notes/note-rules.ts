import { BadRequestException } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  applyDailyCap,
  billableUnits,
  billingModifiers,
  type BillingRule,
  type ContactType,
  minutesBetween,
  NOTE_SECTION_MAX_LENGTH,
  NOTE_SECTIONS,
  type NoteFormat,
} from '@waypoint/shared-contracts';

/** The longest contact one note may describe; a longer day is several notes. */
const MAX_MINUTES = 12 * 60;

/** End time from an explicit end or a duration; refuses an end before the start or past 12 hours. */
export function contactTimes(startedAt: string, endedAt: string | undefined, durationMinutes: number | undefined): { startedAt: Date; endedAt: Date; minutes: number } {
  const start = new Date(startedAt);
  const end = endedAt !== undefined ? new Date(endedAt) : new Date(start.getTime() + (durationMinutes ?? 0) * 60_000);
  if (end.getTime() <= start.getTime()) throw new BadRequestException('The contact must end after it starts: send endedAt or durationMinutes.');
  const minutes = minutesBetween(start, end);
  if (minutes > MAX_MINUTES) throw new BadRequestException('One note covers at most 12 hours of contact.');
  // A little slack for clocks; a note about a contact that has not happened yet is a mistake.
  if (start.getTime() > Date.now() + 5 * 60_000) throw new BadRequestException('The contact cannot start in the future.');
  return { startedAt: start, endedAt: end, minutes };
}

/**
 * The note's sections, checked against its format: only that format's names, text only, trimmed,
 * each within NOTE_SECTION_MAX_LENGTH. Empty sections are dropped (a draft may have none yet).
 */
export function checkedSections(format: NoteFormat, sections: Record<string, unknown>): Record<string, string> {
  const allowed = NOTE_SECTIONS[format];
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(sections)) {
    if (!allowed.includes(name)) throw new BadRequestException(`A ${format} note has the sections ${allowed.join(', ')}; "${name}" is not one of them.`);
    if (typeof value !== 'string') throw new BadRequestException(`The ${name} section must be text.`);
    const text = value.trim();
    if (text.length > NOTE_SECTION_MAX_LENGTH) throw new BadRequestException(`The ${name} section is longer than ${NOTE_SECTION_MAX_LENGTH} characters.`);
    if (text) result[name] = text;
  }
  return result;
}

export interface NoteBilling {
  units: number;
  /** Units the times earn before the daily cap. */
  requested: number;
  capped: boolean;
  over: number;
  modifiers: string[];
}

/**
 * H0038 units for a contact, after the participant's daily cap: the rule is the shared one (the
 * dashboard shows the same number live), the units already billed that day come from the
 * participant's other notes (the calendar day of the start in the program's time zone, so a
 * 7 pm visit in New York counts on the day it happened, not the next UTC day). An attempted
 * contact bills nothing.
 */
export async function noteBilling(
  db: DataSource | EntityManager,
  rule: BillingRule,
  note: { programId: string; timeZone: string; participantId: string; noteId?: string; startedAt: Date; minutes: number; contactType: ContactType },
): Promise<NoteBilling> {
  const earned = note.contactType === 'attempted' ? 0 : billableUnits(note.minutes, rule);
  // Two notes for one participant saved at once would each see the other's units missing and
  // both pass the cap: the second waits here until the first commits (the lock is the
  // transaction's, released at its end; callers run in one, as every audited command does).
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('session_notes.cap:' || $1, 0))`, [note.participantId]);
  const [{ billed }] = await db.query(
    `WITH day AS (SELECT date_trunc('day', $4::timestamptz AT TIME ZONE $5) AS local_midnight)
     SELECT coalesce(sum(units), 0)::int AS billed FROM session_notes, day
      WHERE program_id = $1 AND participant_id = $2 AND id IS DISTINCT FROM $3::uuid
        AND started_at >= day.local_midnight AT TIME ZONE $5
        AND started_at < (day.local_midnight + interval '1 day') AT TIME ZONE $5`,
    [note.programId, note.participantId, note.noteId ?? null, note.startedAt.toISOString(), note.timeZone],
  );
  const capped = applyDailyCap(earned, billed, rule);
  return { ...capped, modifiers: billingModifiers({ group: note.contactType === 'group' }, rule) };
}

/** What the daily cap did to a saved note, sent with every note the API returns. */
export interface NoteCapFacts {
  /** Units the note's times earn before the participant's daily cap (0 for an attempted contact). */
  unitsBeforeCap: number;
  /** Whether the cap cut units off: the screen says why a long contact bills so few. */
  cappedByDailyLimit: boolean;
  /** The cap itself, so a screen can say "daily cap of 16 reached: 13 already billed that day". */
  dailyCapUnits: number;
}

/**
 * Adds the cap facts to a note read back. Stored units are the capped ones; the uncapped count
 * follows from the note's own minutes and kind with the program's rule, so no column is needed
 * and notes saved before this field existed get it too. (Were a program to change its rule,
 * notes saved under the old one would be compared against the new; the cap flag is only ever
 * set where the stored units are below what the times earn, never the other way round.)
 */
export function withCapFacts<T extends { durationMinutes: number; contactType: string; units: number }>(note: T, rule: BillingRule): T & NoteCapFacts {
  const unitsBeforeCap = note.contactType === 'attempted' ? 0 : billableUnits(note.durationMinutes, rule);
  return { ...note, unitsBeforeCap, cappedByDailyLimit: note.units < unitsBeforeCap, dailyCapUnits: rule.dailyCapUnits };
}
