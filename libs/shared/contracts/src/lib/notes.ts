/** Session notes: the vocabularies shared by the API (validation) and the dashboard (forms, labels). */

export const NoteFormats = ['GIRP', 'DAP', 'SOAP'] as const;
export type NoteFormat = (typeof NoteFormats)[number];

/** Each format's sections, in the order they are written; each is its own field. */
export const NOTE_SECTIONS: Readonly<Record<NoteFormat, readonly string[]>> = {
  GIRP: ['goal', 'intervention', 'response', 'plan'],
  DAP: ['data', 'assessment', 'plan'],
  SOAP: ['subjective', 'objective', 'assessment', 'plan'],
};

/** Longest text one section may hold. */
export const NOTE_SECTION_MAX_LENGTH = 4000;

export const ContactTypes = ['individual', 'group', 'brief_check_in', 'collateral', 'attempted'] as const;
export type ContactType = (typeof ContactTypes)[number];

export const ContactModalities = ['in_person', 'phone', 'video', 'text'] as const;
export type ContactModality = (typeof ContactModalities)[number];

export const NoteStatuses = ['draft', 'submitted', 'signed', 'cosigned'] as const;
export type NoteStatus = (typeof NoteStatuses)[number];

/**
 * The built-in topics a note can be tagged with. Each program chooses which of these its notes
 * offer and may add topics of its own, written as their label (`NoteSettings.topics`).
 */
export const NoteTopics = [
  'cravings',
  'triggers',
  'boundaries',
  'housing',
  'employment',
  'education',
  'family',
  'relationships',
  'mutual_aid_meetings',
  'medication',
  'physical_health',
  'mental_health',
  'legal',
  'transportation',
  'benefits',
  'recovery_plan',
] as const;
export type BuiltInNoteTopic = (typeof NoteTopics)[number];
/** A note's topic: a built-in key (`BuiltInNoteTopic`) or a program's own topic, written as its label. */
export type NoteTopic = string;

/** Longest topic a program may add; a topic is a tag, not a sentence. */
export const NOTE_TOPIC_MAX_LENGTH = 60;
/** Most topics one program's list may hold (the editor shows them all as chips). */
export const NOTE_TOPICS_MAX = 60;

/** How one program writes its notes, as `GET /notes/settings` answers. */
export interface NoteSettings {
  /** The format a new note starts in. */
  defaultFormat: NoteFormat;
  /** The topics new tags are chosen from: built-in keys (`NoteTopics`) or the program's own labels. */
  topics: string[];
  /** The program's time zone (IANA): the daily cap counts the program's calendar day. */
  timeZone: string;
  /** Sent back with a change; a stale one is 409. */
  version: number;
}
