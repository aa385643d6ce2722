import type { Role } from '@waypoint/shared-contracts';

/** Who is calling, established by the auth guard for every non-public request. */
export interface AuthContext {
  userId: string;
  programId: string;
  role: Role;
  teamId: string | null;
  organizationId: string | null;
  sessionId: string;
}

/** The request field the guard fills; read it through `@CurrentUser()`. */
export const AUTH_CONTEXT = 'waypointAuth';
