/** A follow-up task (GET /tasks, /participants/:id/tasks). */
export interface FollowUpTask {
  id: string;
  participantId: string;
  /** The name the participant goes by. */
  participantName: string;
  ownerId: string;
  ownerName: string;
  title: string;
  /** A calendar date, YYYY-MM-DD. */
  dueOn: string;
  doneAt: string | null;
  /** Open and due before today (the API's calendar). */
  overdue: boolean;
  version: number;
}

export interface FollowUpTaskPage {
  items: FollowUpTask[];
  nextCursor: string | null;
}

export type TaskFilter = 'open' | 'done' | 'all';

/** A crisis line shown one click from any participant page. */
export interface CrisisResource {
  name: string;
  phone: string;
  note?: string;
}
