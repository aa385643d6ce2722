/**
 * What a participant's timeline entry records (GET /participants/:id/timeline). Session notes
 * and referrals join this list in later issues.
 */
export const TimelineKinds = ['status-change', 'goal-created', 'goal-status', 'goal-progress', 'assessment', 'safety-event', 'task-done'] as const;
export type TimelineKind = (typeof TimelineKinds)[number];
