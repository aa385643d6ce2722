import type { GoalDimension, GoalStatus, ParticipantStatus } from '@waypoint/shared-contracts';

export { type TimelineKind, TimelineKinds } from '@waypoint/shared-contracts';

interface TimelineEntryBase {
  /** Unique within the timeline: `${kind}:${sourceId}`. */
  id: string;
  /** The id of the row it came from (status change, goal, progress entry, assessment, safety event, task). */
  sourceId: string;
  /** The calendar date it happened (YYYY-MM-DD); the feed is newest first by this, then by `recordedAt`. */
  on: string;
  /** When it was recorded (ISO 8601 timestamp). */
  recordedAt: string;
  /** Who recorded it, as shown to colleagues; null when unknown (e.g. a removed user). */
  byName: string | null;
}

export type TimelineEntry = TimelineEntryBase &
  (
    | { kind: 'session-note'; contactType: string; modality: string; durationMinutes: number; units: number; status: string }
    | { kind: 'status-change'; fromStatus: ParticipantStatus | null; toStatus: ParticipantStatus; reason: string | null }
    | { kind: 'goal-created'; goalId: string; dimension: GoalDimension; statement: string }
    | { kind: 'goal-status'; goalId: string; dimension: GoalDimension; statement: string; status: GoalStatus; reason: string | null }
    | { kind: 'goal-progress'; goalId: string; dimension: GoalDimension; statement: string; rating: number; comment: string | null }
    | { kind: 'assessment'; total: number }
    | { kind: 'safety-event'; safetyKind: string; description: string; followUp: string | null }
    | { kind: 'task-done'; title: string }
  );

/** GET /participants/:id/timeline?limit=&cursor=&kinds=a,b */
export interface TimelinePage {
  items: TimelineEntry[];
  nextCursor: string | null;
}
