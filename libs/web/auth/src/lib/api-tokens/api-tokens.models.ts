import type { Role } from '@waypoint/shared-contracts';

/** A personal API token as the administration screen sees it; never its secret. */
export interface ApiToken {
  id: string;
  /** What it is for, e.g. "Nightly export script". */
  name: string;
  /** The user's role when the token was issued; the token never does more than this. */
  role: Role;
  userId: string;
  userEmail: string;
  createdAt: string;
  expiresAt: string;
  /** null until a script first uses it. */
  lastUsedAt: string | null;
  /** null while it has not been revoked. */
  revokedAt: string | null;
}

/** The program's tokens, newest first (the API returns at most 100). */
export interface ApiTokenList {
  items: ApiToken[];
}

export interface NewApiToken {
  userId: string;
  name: string;
  /** Whole days, 1 to 365. */
  expiresInDays: number;
}

/** An issued token with its secret, which the API returns this once and never stores. */
export interface IssuedApiToken {
  id: string;
  name: string;
  role: Role;
  userId: string;
  createdAt: string;
  expiresAt: string;
  /** `wpt_…`, sent by scripts as `Authorization: Bearer <token>`. */
  token: string;
}
