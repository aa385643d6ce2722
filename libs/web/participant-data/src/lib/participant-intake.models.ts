import type { ContactMethod, DuplicateCandidate, ParticipantStatus, RecoveryPathway } from '@waypoint/shared-contracts';

export type { DuplicateCandidate } from '@waypoint/shared-contracts';

/** Who the intake duplicate check compares a new person against. */
export interface DuplicateCheckRequest {
  legalFirstName: string;
  legalLastName: string;
  preferredName?: string;
  /** A calendar date, YYYY-MM-DD. */
  dateOfBirth: string;
}

export interface DuplicateCheckResult {
  candidates: DuplicateCandidate[];
}

/** The fields of a participant's record that intake sets and an edit may change. */
export interface ParticipantFields {
  legalFirstName: string;
  legalLastName: string;
  /** A calendar date, YYYY-MM-DD. */
  dateOfBirth: string;
  preferredName?: string | null;
  pronouns?: string | null;
  phone?: string | null;
  email?: string | null;
  preferredContactMethod?: ContactMethod | null;
  okToText?: boolean;
  recoveryPathways?: RecoveryPathway[];
  primarySubstances?: string[];
  referralSource?: string | null;
  emergencyContactName?: string | null;
  emergencyContactPhone?: string | null;
  emergencyContactRelationship?: string | null;
  /** At most 4000 characters. */
  intakeNotes?: string | null;
}

/** POST /participants: a new participant (always referred and Part 2 protected). */
export interface NewParticipant extends ParticipantFields {
  /** Required when a supervisor does the intake; a specialist is assigned themselves. */
  primarySpecialistId?: string;
  /** Set once the person doing intake has said this is none of the possible duplicates. */
  confirmedNotDuplicate?: boolean;
}

/** PATCH /participants/:id: what changed, and the version it is based on (stale gets 409). */
export type ParticipantChanges = Partial<ParticipantFields> & { version: number };

/** POST /participants/:id/status. */
export interface StatusChange {
  status: ParticipantStatus;
  /** YYYY-MM-DD; the API takes today when absent and refuses a future date. */
  effectiveOn?: string;
  /** Required (3–500 characters) for a discharge. */
  reason?: string;
  version: number;
}

/** Someone a supervisor may make a participant's primary specialist. */
export interface AssignableSpecialist {
  id: string;
  displayName: string;
  teamName: string;
  caseloadSize: number;
}

export interface AssignableSpecialistList {
  items: AssignableSpecialist[];
}
