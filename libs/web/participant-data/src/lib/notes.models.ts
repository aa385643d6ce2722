import type { ContactModality, ContactType, NoteFormat, NoteStatus, NoteTopic } from '@waypoint/shared-contracts';

export type { BillingRule, ContactModality, ContactType, NoteFormat, NoteStatus, NoteTopic } from '@waypoint/shared-contracts';

/** A correction under a signed note. */
export interface NoteAddendum {
  id: string;
  authorId: string;
  authorName: string;
  reason: string;
  body: string;
  createdAt: string;
}

/** A session note as the API returns it (GET /notes/:id, and the items of a list). */
export interface SessionNote {
  id: string;
  participantId: string;
  authorId: string;
  authorName: string;
  startedAt: string;
  endedAt: string;
  durationMinutes: number;
  contactType: ContactType;
  modality: ContactModality;
  location: string | null;
  format: NoteFormat;
  /** The format's sections by name (GIRP: goal, intervention, response, plan). */
  sections: Record<string, string>;
  goalIds: string[];
  topics: NoteTopic[];
  riskConcern: boolean;
  riskDetail: string | null;
  naloxoneProvided: boolean;
  followUpOn: string | null;
  /** H0038 units the API computed from the times (after the daily cap); never typed. */
  units: number;
  /** Units the times earn before the participant's daily cap (on every note the API returns). */
  unitsBeforeCap?: number;
  /** Whether the daily cap cut units off this note. */
  cappedByDailyLimit?: boolean;
  /** The program's daily cap, for saying why ("daily cap of 16 reached"). */
  dailyCapUnits?: number;
  modifiers: string[];
  status: NoteStatus;
  reviewedWithParticipant: boolean;
  submittedAt: string | null;
  signedAt: string | null;
  signedByName: string | null;
  signedByCredential: string | null;
  cosignedAt: string | null;
  cosignedByName: string | null;
  /** Set when a supervisor returned the note to draft: what to fix. */
  returnedAt: string | null;
  returnedByName: string | null;
  returnComment: string | null;
  /** The group session the note was written in, if any. */
  groupSessionId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Only on GET /notes/:id. */
  addenda?: NoteAddendum[];
  /** On create and update: what the daily cap did to this note's units. */
  billing?: { units: number; requested: number; capped: boolean; over: number; modifiers: string[] };
  /** On a create answered from an earlier request with the same Idempotency-Key. */
  replayed?: boolean;
}

export interface SessionNotePage {
  items: SessionNote[];
  nextCursor: string | null;
}

/** What a note says; a create needs startedAt, contactType and modality, an update sends what changed. */
export interface NoteContent {
  startedAt?: string;
  endedAt?: string;
  durationMinutes?: number;
  contactType?: ContactType;
  modality?: ContactModality;
  location?: string | null;
  format?: NoteFormat;
  sections?: Record<string, string>;
  goalIds?: string[];
  topics?: NoteTopic[];
  riskConcern?: boolean;
  riskDetail?: string | null;
  naloxoneProvided?: boolean;
  followUpOn?: string | null;
  reviewedWithParticipant?: boolean;
}

/** One note awaiting the supervisor (GET /notes/cosign-queue). */
export interface CosignQueueItem extends SessionNote {
  participantName: string;
}

export interface CosignQueue {
  items: CosignQueueItem[];
  nextCursor: string | null;
  /** Notes awaiting, per specialist of the team. */
  counts: { authorId: string; authorName: string; awaiting: number }[];
}

/** GET /notes/mine: the caller's returned notes first, then drafts (overdue ones flagged). */
export interface MyNotes {
  returned: (SessionNote & { participantName: string })[];
  drafts: (SessionNote & { participantName: string; overdue: boolean })[];
  /** Drafts older than this many days are overdue documentation. */
  draftOverdueDays: number;
}

/** POST /notes/cosign: the notes co-signed, and for the rest the status and reason they were not. */
export interface BulkCosignResult {
  cosigned: SessionNote[];
  failed: { id: string; status: number; detail: string }[];
}

/** One attendee of a group session: their own Response, and which of their active goals the group worked on. */
export interface GroupAttendee {
  participantId: string;
  response?: string;
  goalIds?: string[];
}

/**
 * POST /group-sessions: the meeting written once. Each attendee gets their own draft GIRP note
 * (contact type group, so the group modifier) with the shared Goal, Intervention and Plan.
 */
export interface NewGroupSession {
  /** What the group was about (1–200 characters). */
  topic: string;
  startedAt: string;
  endedAt?: string;
  durationMinutes?: number;
  modality: ContactModality;
  location?: string | null;
  goal?: string;
  intervention: string;
  plan?: string;
  topics?: NoteTopic[];
  /** 1–20 attendees from the facilitator's care-team scope. */
  attendees: GroupAttendee[];
}

/** An attendee's note as a group session lists it, with the attendee's name. */
export type GroupSessionNote = SessionNote & { participantName: string };

/** A group session and the attendees' notes the caller reaches (GET /group-sessions/:id, and the create's answer). */
export interface GroupSession {
  id: string;
  topic: string;
  startedAt: string;
  endedAt: string;
  facilitatorId: string;
  facilitatorName: string;
  /** By the attendees' legal last name. */
  notes: GroupSessionNote[];
  /** On a create answered from an earlier request with the same Idempotency-Key. */
  replayed?: boolean;
}
