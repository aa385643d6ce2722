import type { BuiltInNoteTopic, ContactModality, ContactType, NoteFormat, NoteStatus } from '@waypoint/shared-contracts';

/** Words for a note's vocabularies, shared by the notes tab, the co-sign queue and the timeline. */
const CONTACT_TYPES: Readonly<Record<ContactType, string>> = {
  individual: $localize`:Note contact type:Individual`,
  group: $localize`:Note contact type:Group`,
  brief_check_in: $localize`:Note contact type:Brief check-in`,
  collateral: $localize`:Note contact type:Collateral`,
  attempted: $localize`:Note contact type:Attempted contact`,
};

const MODALITIES: Readonly<Record<ContactModality, string>> = {
  in_person: $localize`:Note modality:In person`,
  phone: $localize`:Note modality:Phone`,
  video: $localize`:Note modality:Video`,
  text: $localize`:Note modality:Text`,
};

const NOTE_STATUSES: Readonly<Record<NoteStatus, string>> = {
  draft: $localize`:Note status:Draft`,
  submitted: $localize`:Note status:Submitted`,
  signed: $localize`:Note status:Signed`,
  cosigned: $localize`:Note status:Co-signed`,
};

const FORMATS: Readonly<Record<NoteFormat, string>> = {
  GIRP: $localize`:Note format:GIRP (Goal, Intervention, Response, Plan)`,
  DAP: $localize`:Note format:DAP (Data, Assessment, Plan)`,
  SOAP: $localize`:Note format:SOAP (Subjective, Objective, Assessment, Plan)`,
};

const SECTIONS: Readonly<Record<string, string>> = {
  goal: $localize`:Note section:Goal`,
  intervention: $localize`:Note section:Intervention`,
  response: $localize`:Note section:Response`,
  plan: $localize`:Note section:Plan`,
  data: $localize`:Note section:Data`,
  assessment: $localize`:Note section:Assessment`,
  subjective: $localize`:Note section:Subjective`,
  objective: $localize`:Note section:Objective`,
};

const TOPICS: Readonly<Record<BuiltInNoteTopic, string>> = {
  cravings: $localize`:Note topic:Cravings`,
  triggers: $localize`:Note topic:Triggers`,
  boundaries: $localize`:Note topic:Boundaries`,
  housing: $localize`:Note topic:Housing`,
  employment: $localize`:Note topic:Employment`,
  education: $localize`:Note topic:Education`,
  family: $localize`:Note topic:Family`,
  relationships: $localize`:Note topic:Relationships`,
  mutual_aid_meetings: $localize`:Note topic:Mutual-aid meetings`,
  medication: $localize`:Note topic:Medication`,
  physical_health: $localize`:Note topic:Physical health`,
  mental_health: $localize`:Note topic:Mental health`,
  legal: $localize`:Note topic:Legal`,
  transportation: $localize`:Note topic:Transportation`,
  benefits: $localize`:Note topic:Benefits`,
  recovery_plan: $localize`:Note topic:Recovery plan`,
};

/** A stored code in words; an unknown code is shown readably rather than hidden. */
const words = (table: Readonly<Record<string, string>>, code: string) => table[code] ?? code.replace(/_/g, ' ');

export const contactTypeLabel = (code: string): string => words(CONTACT_TYPES, code);
export const modalityLabel = (code: string): string => words(MODALITIES, code);
export const noteStatusLabel = (code: string): string => words(NOTE_STATUSES, code);
export const noteFormatLabel = (code: string): string => words(FORMATS, code);
export const noteSectionLabel = (name: string): string => words(SECTIONS, name);
export const noteTopicLabel = (code: string): string => words(TOPICS, code);
