import type { ContactModality, ContactType, NoteStatus } from '@waypoint/shared-contracts';

const CONTACT_TYPES: Record<ContactType, string> = {
  individual: $localize`:Contact type:Individual`,
  group: $localize`:Contact type:Group`,
  brief_check_in: $localize`:Contact type:Brief check-in`,
  collateral: $localize`:Contact type:Collateral`,
  attempted: $localize`:Contact type:Attempted contact`,
};

const MODALITIES: Record<ContactModality, string> = {
  in_person: $localize`:Contact modality:In person`,
  phone: $localize`:Contact modality:Phone`,
  video: $localize`:Contact modality:Video`,
  text: $localize`:Contact modality:Text`,
};

const NOTE_STATUSES: Record<NoteStatus, string> = {
  draft: $localize`:Note status:Draft`,
  submitted: $localize`:Note status:Submitted`,
  signed: $localize`:Note status:Signed`,
  cosigned: $localize`:Note status:Co-signed`,
};

/** Words for a note's contact type, modality and status; an unknown value is shown as it came. */
export const contactTypeLabel = (value: string): string => CONTACT_TYPES[value as ContactType] ?? value;
export const modalityLabel = (value: string): string => MODALITIES[value as ContactModality] ?? value;
export const noteStatusLabel = (value: string): string => NOTE_STATUSES[value as NoteStatus] ?? value;
