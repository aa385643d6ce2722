import type { AssignmentKind, SafetyEventKind } from '@waypoint/shared-contracts';
import type { FollowUpTask, FollowUpTaskPage, TaskFilter } from './care-work.models';
import type { ParticipantRecord } from './participants.models';
import type { TimelineKind } from './timeline.models';

export type { AssignmentKind, SafetyEventKind } from '@waypoint/shared-contracts';

/** A safety event as GET /participants/:id/safety-events lists it (newest first, never edited). */
export interface SafetyEvent {
  id: string;
  kind: SafetyEventKind;
  /** A calendar date, YYYY-MM-DD. */
  occurredOn: string;
  description: string;
  followUp: string | null;
  /** Who recorded it; null when unknown (e.g. a removed user). */
  recordedByName: string | null;
  createdAt: string;
}

export interface SafetyEventList {
  items: SafetyEvent[];
}

/** POST /participants/:id/safety-events. `occurredOn` defaults to today and cannot be later. */
export interface NewSafetyEvent {
  kind: SafetyEventKind;
  occurredOn?: string;
  description: string;
  followUp?: string | null;
}

/** What recording a safety event answers: an overdose may have raised the high-risk flag. */
export interface RecordedSafetyEvent {
  id: string;
  /** Whether this event raised the flag (and told the team's supervisors). */
  flagRaised: boolean;
  /** The participant as they now are (flag and version included). */
  participant: ParticipantRecord;
}

/** POST /participants/:id/risk-flag; a stale `version` gets 409. A reason is required to raise the flag. */
export interface RiskFlagChange {
  highRisk: boolean;
  reason?: string | null;
  version: number;
}

/** One care assignment, past, current or scheduled (GET /participants/:id/assignments). */
export interface CareAssignment {
  id: string;
  specialistId: string;
  specialistName: string;
  kind: AssignmentKind;
  /** Calendar dates, YYYY-MM-DD; `endsOn` is the first day it no longer holds (null while open). */
  startsOn: string;
  endsOn: string | null;
  /** Whether it holds today (the API's calendar). */
  current: boolean;
}

/** Newest first; every change answers with the whole history. */
export interface CareAssignmentList {
  items: CareAssignment[];
}

/** POST /participants/:id/assignments: one assignment, or a transfer of the primary one on `startsOn`. */
export interface NewCareAssignment {
  specialistId: string;
  kind: AssignmentKind;
  /** Today (the default) or later, within a year. */
  startsOn?: string;
}

/** Which of a participant's tasks to list, and one keyset page of them. */
export type ParticipantTaskFilter = TaskFilter;
export type ParticipantTaskPage = FollowUpTaskPage;
export type ParticipantTask = FollowUpTask;

/** POST /participants/:id/tasks; the task goes to the caller. */
export interface NewParticipantTask {
  title: string;
  /** A calendar date, YYYY-MM-DD. */
  dueOn: string;
}

/** One page of a participant's timeline; no `kinds` means every kind. */
export interface TimelineQuery {
  cursor?: string | null;
  limit?: number;
  kinds?: readonly TimelineKind[];
}
