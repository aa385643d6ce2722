import { NOTE_SECTIONS } from '@waypoint/shared-contracts';
import type { ContactModality, ContactType, NoteContent, NoteFormat, NoteTopic, SessionNote } from '@waypoint/web-participant-data';

/**
 * The note as the person is writing it. The start is an instant (ISO, to the minute; '' while
 * the field holds no whole date and time); the form shows it on the signed-in person's clock.
 * Text is kept as typed. `sections` keeps the text of every format's sections, so switching
 * formats and back loses nothing.
 */
export interface NoteFields {
  startedAt: string;
  durationMinutes: number | null;
  contactType: ContactType;
  modality: ContactModality;
  location: string;
  format: NoteFormat;
  sections: Record<string, string>;
  goalIds: string[];
  topics: NoteTopic[];
  riskConcern: boolean;
  riskDetail: string;
  naloxoneProvided: boolean;
  /** YYYY-MM-DD, or '' for none. */
  followUpOn: string;
  reviewedWithParticipant: boolean;
}

/** Most contacts are half an hour; it is also 2 units, the common claim. */
export const DEFAULT_DURATION_MINUTES = 30;
/** The API's limits (note-rules.ts): one note covers 1 minute to 12 hours. */
export const MAX_DURATION_MINUTES = 720;
/** The API refuses a start more than five minutes ahead (clocks differ a little). */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * A moment as a `datetime-local` value on the clock of `timeZone` (the signed-in person's; the
 * browser's when none or an unknown one is given), e.g. `2026-11-21T14:05`.
 */
export function localDateTime(date: Date, timeZone?: string | null): string {
  let parts: Intl.DateTimeFormatPart[];
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    parts = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: timeZone || undefined }).formatToParts(date);
  } catch {
    parts = new Intl.DateTimeFormat('en-CA', options).formatToParts(date);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/**
 * A `datetime-local` value read on the clock of `timeZone` as an ISO instant, or null when it
 * is not a whole date and time. The zone's offset is read at the moment itself (twice, in case
 * a daylight-saving change lies between the first guess and the answer).
 */
export function instantOf(local: string, timeZone?: string | null): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const wanted = Date.parse(`${local}:00Z`);
  if (Number.isNaN(wanted)) return null;
  let guess = wanted;
  for (let round = 0; round < 2; round += 1) {
    guess += wanted - Date.parse(`${localDateTime(new Date(guess), timeZone)}:00Z`);
  }
  return new Date(guess).toISOString();
}

/** An instant rounded down to the minute, as the form's clock shows it (ISO). */
const toMinute = (time: number) => new Date(Math.floor(time / 60_000) * 60_000).toISOString();

/**
 * A new note: it began half an hour ago and lasted half an hour (written just after the
 * contact, as most are), in person, individual, in the program's format (GIRP unless it says
 * otherwise), where the last one took place.
 */
export function defaultFields(now: Date, location: string | null, format: NoteFormat = 'GIRP'): NoteFields {
  return {
    startedAt: toMinute(now.getTime() - DEFAULT_DURATION_MINUTES * 60_000),
    durationMinutes: DEFAULT_DURATION_MINUTES,
    contactType: 'individual',
    modality: 'in_person',
    location: location ?? '',
    format,
    sections: {},
    goalIds: [],
    topics: [],
    riskConcern: false,
    riskDetail: '',
    naloxoneProvided: false,
    followUpOn: '',
    reviewedWithParticipant: false,
  };
}

/** The form's value for a note the API returned. */
export function fieldsFromNote(note: SessionNote): NoteFields {
  return {
    startedAt: toMinute(new Date(note.startedAt).getTime()),
    durationMinutes: note.durationMinutes,
    contactType: note.contactType,
    modality: note.modality,
    location: note.location ?? '',
    format: note.format,
    sections: { ...note.sections },
    goalIds: [...note.goalIds],
    topics: [...note.topics],
    riskConcern: note.riskConcern,
    riskDetail: note.riskDetail ?? '',
    naloxoneProvided: note.naloxoneProvided,
    followUpOn: note.followUpOn ?? '',
    reviewedWithParticipant: note.reviewedWithParticipant,
  };
}

/** Why the fields cannot be saved yet, or null when they can. */
export type FieldsProblem = 'startedAt' | 'future' | 'duration';

export function fieldsProblem(fields: NoteFields, now = new Date()): FieldsProblem | null {
  const start = Date.parse(fields.startedAt);
  if (Number.isNaN(start)) return 'startedAt';
  if (start > now.getTime() + FUTURE_SLACK_MS) return 'future';
  const minutes = fields.durationMinutes;
  if (minutes === null || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_DURATION_MINUTES) return 'duration';
  return null;
}

/** Every field of a note's content; the end follows from the duration. */
export type StoredContent = Required<Omit<NoteContent, 'endedAt'>>;

/**
 * The note as the API would store it: text trimmed, blanks as null, only the format's own
 * sections and only the written ones, the risk detail only with a concern. Two sets of fields
 * that store the same note give equal content, so comparing content finds the real changes.
 */
export function contentOf(fields: NoteFields): StoredContent {
  const sections: Record<string, string> = {};
  for (const name of NOTE_SECTIONS[fields.format]) {
    const text = (fields.sections[name] ?? '').trim();
    if (text) sections[name] = text;
  }
  return {
    startedAt: fields.startedAt,
    durationMinutes: fields.durationMinutes ?? 0,
    contactType: fields.contactType,
    modality: fields.modality,
    location: fields.location.trim() || null,
    format: fields.format,
    sections,
    goalIds: [...fields.goalIds],
    topics: [...fields.topics],
    riskConcern: fields.riskConcern,
    riskDetail: fields.riskConcern ? fields.riskDetail.trim() || null : null,
    naloxoneProvided: fields.naloxoneProvided,
    followUpOn: fields.followUpOn || null,
    reviewedWithParticipant: fields.reviewedWithParticipant,
  };
}

/**
 * Only what differs between the saved note and the form, as an update sends it. A changed
 * format always carries its sections (the API needs them together); lists compare as sets.
 */
export function changedContent(saved: NoteFields, current: NoteFields): NoteContent {
  const before = contentOf(saved);
  const after = contentOf(current);
  const changes: NoteContent = {};
  for (const key of Object.keys(after) as (keyof StoredContent)[]) {
    if (sameValue(before[key], after[key])) continue;
    (changes as Record<string, unknown>)[key] = after[key];
  }
  if (changes.format) changes.sections = after.sections;
  return changes;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].every((key) => sameValue(left[key], right[key]));
  }
  return a === b;
}

/** Whether two sets of fields store the same note. */
export function sameContent(a: NoteFields, b: NoteFields): boolean {
  return Object.keys(changedContent(a, b)).length === 0;
}

/**
 * The Goal section for the linked goals: their statements, one a line. It follows the goals
 * chosen only while it still says what was filled in (empty, or exactly the earlier statements),
 * so nothing the person wrote there is overwritten.
 */
export function prefilledGoalSection(current: string, previousStatements: readonly string[], statements: readonly string[]): string | null {
  const untouched = current.trim() === '' || current.trim() === previousStatements.join('\n');
  return untouched ? statements.join('\n') : null;
}

/** The format's sections still empty, in order (the API will not sign a note with any). */
export function missingSections(fields: NoteFields): string[] {
  return NOTE_SECTIONS[fields.format].filter((name) => !(fields.sections[name] ?? '').trim());
}

/** Whether the note has enough written to be signed: every section, or one for an attempted contact. */
export function readyToSign(fields: NoteFields): boolean {
  const missing = missingSections(fields);
  return fields.contactType === 'attempted' ? missing.length < NOTE_SECTIONS[fields.format].length : missing.length === 0;
}

/**
 * The topics to offer: the program's list, then any the note already carries that the program
 * has since dropped (so they show as chosen and can be removed, rather than vanishing).
 */
export function offeredTopics(programTopics: readonly string[], onNote: readonly string[]): string[] {
  return [...programTopics, ...onNote.filter((topic) => !programTopics.includes(topic))];
}
