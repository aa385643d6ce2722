import { ACTOR_REQUEST_KEY } from '@waypoint/api-audit';
import type { Role } from '@waypoint/shared-contracts';

/** Who is calling, established by the auth guard for every non-public request. */
export interface AuthContext {
  userId: string;
  programId: string;
  role: Role;
  teamId: string | null;
  organizationId: string | null;
  /** The dashboard session; null for a script calling with a personal API token. */
  sessionId: string | null;
  via: 'session' | 'api-token';
  /** The session's deadlines as the guard read them (absent for API tokens). */
  sessionExpiry?: { idleExpiresAt: Date; expiresAt: Date };
}

/** The session of a caller on routes that only make sense for a person in the dashboard. */
export function sessionIdOf(auth: AuthContext): string {
  if (!auth.sessionId) throw new Error('A session-only route was reached without a session');
  return auth.sessionId;
}

/** The request field the guard fills; read it through `@CurrentUser()`. The audit trail reads it too. */
export const AUTH_CONTEXT = ACTOR_REQUEST_KEY;
