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

/** The topics a note can be tagged with (a program-configurable list comes later). */
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
export type NoteTopic = (typeof NoteTopics)[number];
