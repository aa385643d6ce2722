/**
 * What happened: a participant was flagged high risk (to supervisors), or a supervisor returned
 * the reader's note (to its author). Unknown kinds still list, in general words.
 */
export type NotificationKind = 'high_risk_flagged' | 'note_returned';

/**
 * One in-app notification (GET /notifications). The participant is named only while they are
 * in the caller's care-team scope; otherwise `participantId` and `participantName` are null.
 */
export interface InAppNotification {
  id: string;
  kind: NotificationKind | (string & {});
  /** An ISO timestamp. */
  createdAt: string;
  readAt: string | null;
  /** Who caused it (e.g. who set the flag), if anyone. */
  actorName: string | null;
  participantId: string | null;
  participantName: string | null;
  /** The note it is about (a returned note), while the participant is in scope; else null or absent. */
  noteId?: string | null;
}

/** The caller's latest notifications (newest first, at most 50) and how many of those are unread. */
export interface NotificationList {
  items: InAppNotification[];
  unread: number;
}
