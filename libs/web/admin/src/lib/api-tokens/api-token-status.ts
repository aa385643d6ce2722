import type { ApiToken } from '@waypoint/web-auth';

/** Whether a token still works, as the table shows it. */
export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

/** Revocation wins over expiry: a revoked token stays revoked whatever its date. */
export function apiTokenStatus(token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: number): ApiTokenStatus {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now ? 'expired' : 'active';
}
