import type { ParticipantStatus } from '@waypoint/shared-contracts';

/** A row of the caseload: enough to recognise someone (the API sends nothing more). */
export interface ParticipantSummary {
  id: string;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  pronouns: string | null;
  status: ParticipantStatus;
  /** The high-risk flag shows wherever the participant appears. */
  highRisk?: boolean;
  version: number;
}

/** A caseload row: the summary plus what a specialist scans for. */
export interface CaseloadRow extends ParticipantSummary {
  /** The earliest open follow-up task (YYYY-MM-DD), if any. */
  nextFollowUp?: string | null;
  /** The earliest open follow-up task itself, so the card can mark it done (PATCH /tasks/:id with its version). */
  nextTask?: { id: string; title: string; dueOn: string; version: number } | null;
  openGoals?: number;
  /** The latest BARC-10 total (10–60) and its date. */
  latestBarc?: number | null;
  latestBarcOn?: string | null;
  /**
   * The last recorded contact (YYYY-MM-DD): the latest goal progress, BARC-10 or safety event
   * (session notes join this when they land). Null when there has been none.
   */
  lastContactOn?: string | null;
  /** Whole days since `lastContactOn` (the API's calendar); null when there has been no contact. */
  daysSinceContact?: number | null;
  /** No contact for more than the program's threshold (`contactOverdueDays`), or none at all. */
  contactOverdue?: boolean;
}

/** How the caseload is ordered: by name (default), longest without contact first, or soonest follow-up first. */
export type CaseloadSort = 'name' | 'lastContact' | 'nextFollowUp';

/** What the caseload may be narrowed to (all optional). */
export interface CaseloadFilters {
  search?: string;
  status?: ParticipantStatus;
  risk?: 'high';
  followUp?: 'overdue';
  /** Only participants without contact for more than `contactOverdueDays`. */
  contact?: 'overdue';
  sort?: CaseloadSort;
}

export interface ParticipantPage {
  items: CaseloadRow[];
  nextCursor: string | null;
  /** The program's "no contact for too long" threshold in days (default 14). */
  contactOverdueDays?: number;
}

/**
 * One participant. Which fields arrive depends on the caller: an admin in an emergency gets
 * identity and contact only, so everything past the summary is optional.
 */
export interface ParticipantRecord extends ParticipantSummary {
  dateOfBirth?: string;
  phone?: string | null;
  email?: string | null;
  preferredContactMethod?: string | null;
  okToText?: boolean;
  part2Protected?: boolean;
  recoveryPathways?: string[];
  primarySubstances?: string[];
  enrolledOn?: string | null;
  dischargedOn?: string | null;
  /** Why the participant was discharged; present while discharged. */
  dischargeReason?: string | null;
  referralSource?: string | null;
  emergencyContactName?: string | null;
  emergencyContactPhone?: string | null;
  emergencyContactRelationship?: string | null;
  intakeNotes?: string | null;
  highRiskReason?: string | null;
  highRiskSetAt?: string | null;
}

export interface BreakGlassGrant {
  id: string;
  participantId: string;
  grantedAt: string;
  expiresAt: string;
  /** Present on the caller's active grants (the banner). */
  participantName?: string;
}

/** Who to open in an emergency: a record id, or last name and date of birth. */
export type BreakGlassRequest =
  | { participantId: string; reason: string }
  | { lastName: string; dateOfBirth: string; firstName?: string; reason: string };

export interface BreakGlassReview {
  id: string;
  grantedAt: string;
  expiresAt: string;
  active: boolean;
  reason: string;
  requesterId: string;
  requesterName: string;
  requesterRole: string;
  participantId: string;
  participantInitials: string;
  reviewedAt: string | null;
  reviewerName: string | null;
  reviewNote: string | null;
}

export interface BreakGlassReviewPage {
  items: BreakGlassReview[];
  nextCursor: string | null;
}

/** How a participant's name is shown: the name they go by first. */
export function displayName(participant: Pick<ParticipantSummary, 'legalFirstName' | 'legalLastName' | 'preferredName'>): string {
  return `${participant.preferredName || participant.legalFirstName} ${participant.legalLastName}`;
}
