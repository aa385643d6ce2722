/** How an audited attempt ended: done, refused (no permission, out of scope, locked), or failed. */
export type AuditOutcome = 'success' | 'denied' | 'error';

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'error'];

/**
 * One row of the audit trail as the report shows it (docs/security.md, "Audit trail"): identifiers
 * and codes, never a request body or a participant's details. `reason` is the break-glass reason.
 */
export interface AuditEventView {
  id: string;
  /** ISO 8601, UTC. */
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  /** A code such as `participant.read`; `actionLabel` puts it into words. */
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  participantId: string | null;
  /**
   * The participant's name when the viewer reaches them in their care team now, else null
   * (show a neutral label and the id). Resolved by the API at read time, never stored.
   */
  participantName: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  reason: string | null;
}

export interface AuditEventPage {
  items: AuditEventView[];
  nextCursor: string | null;
}

/** The report's filters; an absent one does not narrow the result. */
export interface AuditFilters {
  /** From this instant (inclusive), ISO 8601. */
  from?: string;
  /** Until this instant (exclusive), ISO 8601. */
  to?: string;
  actorId?: string;
  participantId?: string;
  action?: string;
  outcome?: AuditOutcome;
}

/**
 * Whose events a search covers: the whole program (admins, `audit:read`) or the participants
 * of one's team (supervisors, `caseload:team`).
 */
export type AuditScope = 'program' | 'team';

/**
 * The result of walking the hash chain. The chain is one for the whole instance; the figures
 * are the caller's program's own.
 */
export interface ChainVerification {
  ok: boolean;
  /** Walked from the oldest kept row, rather than from the last check. */
  full: boolean;
  /** The program's events checked in this run. */
  checked: number;
  /** The program's events in the trail. */
  total: number;
  /** The first row whose hash does not match, when the chain is broken. */
  firstBrokenId?: number;
  problem?: string;
}

/** One recent access to a participant's record, for their supervisor. */
export interface AccessHistoryEntry {
  occurredAt: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: AuditOutcome;
}

export interface AccessHistory {
  items: AccessHistoryEntry[];
}
