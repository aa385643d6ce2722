import { NOTE_SECTIONS } from '@waypoint/shared-contracts';
import type { NoteFields } from './note-fields';
import { contactTypeLabel, formatLabel, modalityLabel, sectionLabel, topicLabel } from './note-labels';

type PlainKey = Exclude<keyof NoteFields, 'sections'>;
/** One field of a note as the merge view compares it; each section is a field of its own. */
export type MergeKey = PlainKey | `section:${string}`;

const PLAIN_KEYS: readonly PlainKey[] = [
  'startedAt',
  'durationMinutes',
  'contactType',
  'modality',
  'location',
  'format',
  'goalIds',
  'topics',
  'riskConcern',
  'riskDetail',
  'naloxoneProvided',
  'followUpOn',
  'reviewedWithParticipant',
];

const sectionNames = (a: NoteFields, b: NoteFields) => [...new Set([...NOTE_SECTIONS[a.format], ...NOTE_SECTIONS[b.format]])];

/** A field's value as stored (trimmed, lists in any order), so only real differences count. */
function stored(fields: NoteFields, key: MergeKey): string {
  if (key.startsWith('section:')) return (fields.sections[key.slice('section:'.length)] ?? '').trim();
  const value = fields[key as PlainKey];
  if (Array.isArray(value)) return [...value].sort().join(',');
  return typeof value === 'string' ? value.trim() : String(value);
}

/** The fields where the person's note and the one saved elsewhere differ, in the form's order. */
export function conflictingFields(mine: NoteFields, theirs: NoteFields): MergeKey[] {
  const keys: MergeKey[] = [...PLAIN_KEYS, ...sectionNames(mine, theirs).map((name): MergeKey => `section:${name}`)];
  return keys.filter((key) => stored(mine, key) !== stored(theirs, key));
}

/**
 * The note after the merge: what was saved elsewhere, with the person's own value for each
 * field they chose to keep. Section text of other formats, kept only in this form, stays.
 */
export function mergeFields(mine: NoteFields, theirs: NoteFields, keepMine: ReadonlySet<MergeKey>): NoteFields {
  const merged: NoteFields = { ...theirs, sections: { ...mine.sections }, goalIds: [...theirs.goalIds], topics: [...theirs.topics] };
  for (const key of PLAIN_KEYS) {
    if (keepMine.has(key)) (merged as unknown as Record<string, unknown>)[key] = mine[key];
  }
  for (const name of sectionNames(mine, theirs)) {
    merged.sections[name] = keepMine.has(`section:${name}`) ? (mine.sections[name] ?? '') : (theirs.sections[name] ?? '');
  }
  return merged;
}

export function mergeLabel(key: MergeKey): string {
  if (key.startsWith('section:')) return sectionLabel(key.slice('section:'.length));
  const labels: Record<PlainKey, string> = {
    startedAt: $localize`:Note field:Date and time`,
    durationMinutes: $localize`:Note field:Duration`,
    contactType: $localize`:Note field:Contact type`,
    modality: $localize`:Note field:Modality`,
    location: $localize`:Note field:Location`,
    format: $localize`:Note field:Format`,
    goalIds: $localize`:Note field:Linked goals`,
    topics: $localize`:Note field:Topics`,
    riskConcern: $localize`:Note field:Safety concern`,
    riskDetail: $localize`:Note field:Safety concern detail`,
    naloxoneProvided: $localize`:Note field:Naloxone provided`,
    followUpOn: $localize`:Note field:Follow-up date`,
    reviewedWithParticipant: $localize`:Note field:Reviewed with the participant`,
  };
  return labels[key as PlainKey];
}

/** A field's value in words, for the merge view. */
export function mergeValue(fields: NoteFields, key: MergeKey, goalStatement: (id: string) => string, dateTime: (iso: string) => string): string {
  const empty = $localize`:An empty field:(empty)`;
  const yesNo = (value: boolean) => (value ? $localize`:Answer:Yes` : $localize`:Answer:No`);
  if (key.startsWith('section:')) return (fields.sections[key.slice('section:'.length)] ?? '').trim() || empty;
  switch (key as PlainKey) {
    case 'startedAt':
      return fields.startedAt ? dateTime(fields.startedAt) : empty;
    case 'durationMinutes':
      return fields.durationMinutes === null ? empty : $localize`${fields.durationMinutes}:minutes: min`;
    case 'contactType':
      return contactTypeLabel(fields.contactType);
    case 'modality':
      return modalityLabel(fields.modality);
    case 'format':
      return formatLabel(fields.format);
    case 'goalIds':
      return fields.goalIds.map(goalStatement).join('; ') || empty;
    case 'topics':
      return fields.topics.map(topicLabel).join(', ') || empty;
    case 'riskConcern':
      return yesNo(fields.riskConcern);
    case 'naloxoneProvided':
      return yesNo(fields.naloxoneProvided);
    case 'reviewedWithParticipant':
      return yesNo(fields.reviewedWithParticipant);
    default: {
      const value = fields[key as 'location' | 'riskDetail' | 'followUpOn'];
      return value.trim() || empty;
    }
  }
}
