import type { ParticipantStatus } from '@waypoint/shared-contracts';

const STATUS: Record<ParticipantStatus, string> = {
  referred: $localize`:Participant status:Referred`,
  active: $localize`:Participant status:Active`,
  inactive: $localize`:Participant status:Inactive`,
  discharged: $localize`:Participant status:Discharged`,
};

const PATHWAYS: Record<string, string> = {
  twelve_step: $localize`:Recovery pathway:12-step`,
  smart_recovery: $localize`:Recovery pathway:SMART Recovery`,
  mat: $localize`:Recovery pathway:Medication for OUD/AUD`,
  faith_based: $localize`:Recovery pathway:Faith-based`,
  harm_reduction: $localize`:Recovery pathway:Harm reduction`,
  other: $localize`:Recovery pathway:Other`,
};

const CONTACT_METHODS: Record<string, string> = {
  phone: $localize`:Preferred contact method:Phone call`,
  text: $localize`:Preferred contact method:Text message`,
  email: $localize`:Preferred contact method:Email`,
  in_person: $localize`:Preferred contact method:In person`,
};

/** A stored code in words; an unknown code is shown readably rather than hidden. */
const words = (table: Record<string, string>, code: string) => table[code] ?? code.replace(/_/g, ' ');

export const statusLabel = (status: ParticipantStatus) => STATUS[status] ?? status;
export const pathwayLabel = (code: string) => words(PATHWAYS, code);
export const contactMethodLabel = (code: string) => words(CONTACT_METHODS, code);
/** Substances are recorded as plain lower-case words (opioids, alcohol…). */
export const substanceLabel = (code: string) => {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
