import { NOTE_SECTIONS } from '@waypoint/shared-contracts';
import { todayIn } from '../status/calendar-date';
import { type NoteFormat, noteSectionLabel, type NoteStatus, type SessionNote } from '@waypoint/web-participant-data';

const STATUSES: Record<NoteStatus, string> = {
  draft: $localize`:Session note status:Draft`,
  submitted: $localize`:Session note status:Awaiting the author’s signature`,
  signed: $localize`:Session note status:Ready to co-sign`,
  cosigned: $localize`:Session note status:Co-signed`,
};

/** A stored code in words; an unknown code is shown readably rather than hidden. */
const words = (table: Record<string, string>, code: string) => table[code] ?? code.replace(/_/g, ' ');

export { contactTypeLabel, modalityLabel, noteTopicLabel as topicLabel } from '@waypoint/web-participant-data';
/** Where a note stands from the supervisor's side of the queue. */
export const noteStatusLabel = (status: NoteStatus) => words(STATUSES, status);

/** One section of a note as the reader sees it: its name and what was written (empty when nothing). */
export interface NoteSectionText {
  name: string;
  label: string;
  text: string;
}

/** A note's sections in the order its format writes them (GIRP: goal, intervention, response, plan). */
export function noteSections(note: Pick<SessionNote, 'format' | 'sections'>): NoteSectionText[] {
  const names = NOTE_SECTIONS[note.format as NoteFormat] ?? Object.keys(note.sections);
  return names.map((name) => ({ name, label: noteSectionLabel(name), text: note.sections[name]?.trim() ?? '' }));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Calendar days since a moment on the clock of `timeZone` (0 on the same day or for a moment in
 * the future): a note submitted at 11 pm has waited one day the next morning, not none.
 */
export function daysSince(moment: string | null, timeZone: string | null, now = new Date()): number {
  if (!moment) return 0;
  const then = new Date(moment);
  if (Number.isNaN(then.getTime())) return 0;
  return Math.max(0, Math.round((Date.parse(todayIn(timeZone, now)) - Date.parse(todayIn(timeZone, then))) / DAY_MS));
}
