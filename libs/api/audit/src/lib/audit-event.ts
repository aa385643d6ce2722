import type { AuditAction } from '@waypoint/shared-contracts';

/** How an audited attempt ended: done, refused (401/403/404, lockout), or failed (bad input, a fault). */
export type AuditOutcome = 'success' | 'denied' | 'error';

/**
 * One row of the trail (docs/security.md, "Audit trail"). Identifiers and codes only: never a
 * body, a name or note text. `reason` is the one free-text field, for break-glass.
 */
export interface AuditEvent {
  /** One of the known actions (shared contracts), so the dashboard has words for every one. */
  action: AuditAction;
  outcome: AuditOutcome;
  programId?: string | null;
  actorId?: string | null;
  actorRole?: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  participantId?: string | null;
  reason?: string | null;
}

/** Who is calling, as the auth guard leaves it on the request (`AuthContext` fits this shape). */
export interface AuditActor {
  userId: string;
  role: string;
  programId: string;
}

/** The request field the auth guard fills with the caller (api-auth's `AUTH_CONTEXT`). */
export const ACTOR_REQUEST_KEY = 'waypointAuth';
