/**
 * What a participant's timeline entry records (GET /participants/:id/timeline). Referrals join
 * this list in a later issue.
 */
export const TimelineKinds = ['session-note', 'status-change', 'goal-created', 'goal-status', 'goal-progress', 'assessment', 'safety-event', 'task-done'] as const;
export type TimelineKind = (typeof TimelineKinds)[number];
