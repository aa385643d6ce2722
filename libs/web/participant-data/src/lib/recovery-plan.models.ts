import type { GoalDimension, GoalStatus } from '@waypoint/shared-contracts';

export type { GoalDimension, GoalStatus } from '@waypoint/shared-contracts';

/** One step towards a goal, in the order the participant means to take them. */
export interface GoalStep {
  id: string;
  /** 0-based place in the goal's list. */
  position: number;
  description: string;
  /** When the step was marked done (ISO timestamp), or null while it is still to do. */
  doneAt: string | null;
  version: number;
}

/** How far along a goal feels on one day, 0–10, with an optional word on it. */
export interface GoalProgressEntry {
  id: string;
  /** Calendar date, YYYY-MM-DD. */
  recordedOn: string;
  rating: number;
  comment: string | null;
  recordedByName: string | null;
}

/** A goal in one of SAMHSA's four dimensions, in the participant's own words. */
export interface Goal {
  id: string;
  dimension: GoalDimension;
  statement: string;
  /** Calendar date, YYYY-MM-DD, or null when none was set. */
  targetDate: string | null;
  status: GoalStatus;
  /** Why it was revised or discontinued (optional for the other moves). */
  statusReason: string | null;
  statusChangedOn: string | null;
  createdAt: string;
  version: number;
  steps: GoalStep[];
  /** Newest first; the API sends the latest 12. */
  progress: GoalProgressEntry[];
}

/** A participant's plan; active goals first, newest first within a status. */
export interface RecoveryPlan {
  goals: Goal[];
}

export interface NewGoal {
  dimension: GoalDimension;
  statement: string;
  targetDate?: string | null;
  /** Step descriptions, in order (at most 20). */
  steps?: string[];
}

/** Some fields of a goal; `targetDate: null` clears it. A stale `version` gets 409. */
export interface GoalChanges {
  dimension?: GoalDimension;
  statement?: string;
  targetDate?: string | null;
  version: number;
}

/** A move along GOAL_STATUS_TRANSITIONS; revising or discontinuing needs a reason. */
export interface GoalStatusChange {
  status: GoalStatus;
  reason?: string | null;
  version: number;
}

export interface GoalStepChanges {
  done?: boolean;
  description?: string;
  version: number;
}

export interface NewGoalProgress {
  rating: number;
  /** Default today; never in the future. */
  recordedOn?: string;
  comment?: string | null;
}
