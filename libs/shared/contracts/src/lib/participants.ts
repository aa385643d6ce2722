/** A participant's place in the program (docs/domain-model.md, "Participants"). */
export const ParticipantStatuses = ['referred', 'active', 'inactive', 'discharged'] as const;
export type ParticipantStatus = (typeof ParticipantStatuses)[number];

/**
 * Who may move a participant from one status to another. Discharge always takes a reason and a
 * date; a discharged participant comes back by re-enrollment (to referred or straight to active).
 */
export const PARTICIPANT_STATUS_TRANSITIONS: Readonly<Record<ParticipantStatus, readonly ParticipantStatus[]>> = {
  referred: ['active', 'discharged'],
  active: ['inactive', 'discharged'],
  inactive: ['active', 'discharged'],
  discharged: ['referred', 'active'],
};

export function canChangeStatus(from: ParticipantStatus, to: ParticipantStatus): boolean {
  return PARTICIPANT_STATUS_TRANSITIONS[from].includes(to);
}

/** Recovery pathways; `mat` is medication for opioid or alcohol use disorder. */
export const RecoveryPathways = ['twelve_step', 'smart_recovery', 'mat', 'faith_based', 'harm_reduction', 'other'] as const;
export type RecoveryPathway = (typeof RecoveryPathways)[number];

export const ContactMethods = ['phone', 'text', 'email', 'in_person'] as const;
export type ContactMethod = (typeof ContactMethods)[number];

/** Primary substances offered at intake; the field also takes other short values. */
export const CommonSubstances = ['alcohol', 'opioids', 'fentanyl', 'stimulants', 'methamphetamine', 'cocaine', 'cannabis', 'sedatives', 'nicotine'] as const;

export const AssignmentKinds = ['primary', 'secondary'] as const;
export type AssignmentKind = (typeof AssignmentKinds)[number];

/**
 * Someone already on record who may be the person being taken in. What the caller sees depends
 * on whether the record is theirs to open: see the two shapes below.
 */
export type DuplicateCandidate = CaseloadDuplicateCandidate | OtherCareTeamDuplicateCandidate;

/** A likely match in the caller's care-team scope: enough to recognise them, without their full name. */
export interface CaseloadDuplicateCandidate {
  inYourCaseload: true;
  id: string;
  /** The name they go by and their last initial, e.g. "Dani O." */
  displayName: string;
  /** A calendar date, YYYY-MM-DD. */
  dateOfBirth: string;
  status: ParticipantStatus;
}

/**
 * A likely match outside the caller's care team: only that it exists and whom on its care team
 * to contact, never its record id, name, date of birth or status (the caller may not see them).
 */
export interface OtherCareTeamDuplicateCandidate {
  inYourCaseload: false;
  careTeamContact: DuplicateCareTeamContact;
}

/** Staff names only (no participant data); null when nobody active holds the role today. */
export interface DuplicateCareTeamContact {
  /** The participant's primary peer recovery specialist. */
  specialistName: string | null;
  /** The supervisor of that specialist's team. */
  supervisorName: string | null;
}

/** SAMHSA's four dimensions of recovery, where every recovery-plan goal lives. */
export const GoalDimensions = ['health', 'home', 'purpose', 'community'] as const;
export type GoalDimension = (typeof GoalDimensions)[number];

export const GoalStatuses = ['active', 'achieved', 'revised', 'discontinued'] as const;
export type GoalStatus = (typeof GoalStatuses)[number];

/** An active goal can be closed three ways; a closed one can be taken up again. */
export const GOAL_STATUS_TRANSITIONS: Readonly<Record<GoalStatus, readonly GoalStatus[]>> = {
  active: ['achieved', 'revised', 'discontinued'],
  achieved: ['active'],
  revised: ['active'],
  discontinued: ['active'],
};

/** Revising or discontinuing a goal says why. */
export function goalStatusNeedsReason(status: GoalStatus): boolean {
  return status === 'revised' || status === 'discontinued';
}

/**
 * What a safety event records (docs/domain-model.md, "Safety events"). An overdose sets the
 * high-risk flag.
 */
export const SafetyEventKinds = ['overdose', 'naloxone_administered', 'naloxone_provided', 'crisis', 'warm_handoff_988', 'emergency_department'] as const;
export type SafetyEventKind = (typeof SafetyEventKinds)[number];

/**
 * A name as searches and duplicate checks compare it: lower case, accents dropped ("José" and
 * "jose" fold alike). The API's caseload search and the dashboard's pickers fold the same way.
 */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
