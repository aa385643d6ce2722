/**
 * What an admin sees of a user: never hashes, secrets or the failure counter. The end of a
 * sign-in lockout is shown while it lasts, so a locked-out user does not look merely "active".
 */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: string;
  teamId: string | null;
  teamName: string | null;
  organizationId: string | null;
  status: 'active' | 'disabled';
  mfaEnrolled: boolean;
  /** When a lockout after failed sign-ins ends; null when the user is not locked out now. */
  lockedUntil: Date | null;
  createdAt: Date;
  version: number;
}

export const USER_VIEW_COLUMNS = `
  u.id, u.email, u.display_name AS "displayName", u.role, u.team_id AS "teamId", t.name AS "teamName",
  u.organization_id AS "organizationId", u.status, u.mfa_enabled_at IS NOT NULL AS "mfaEnrolled",
  CASE WHEN u.locked_until > now() THEN u.locked_until END AS "lockedUntil", u.created_at AS "createdAt", u.version`;

export const USER_VIEW_FROM = `users u LEFT JOIN teams t ON t.id = u.team_id`;

/**
 * Keyset cursor: the last email seen. Email is unique (case-insensitively, it is citext), so
 * ordering by it is stable and readable, and no OFFSET scan is ever needed.
 */
export function encodeCursor(row: { email: string }): string {
  return Buffer.from(row.email, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string | undefined {
  const email = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[^\s@]{1,64}@[^\s@]{1,255}$/.test(email) ? email : undefined;
}
