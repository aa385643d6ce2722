import type { Role } from '@waypoint/shared-contracts';

export type UserStatus = 'active' | 'disabled';

/** A user as the administration screens see them. */
export interface ManagedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  status: UserStatus;
  mfaEnrolled: boolean;
  /**
   * While a lockout after failed sign-ins lasts, when it ends (ISO timestamp); null otherwise.
   * Status stays "active" during a lockout, so screens must check this to tell the truth.
   */
  lockedUntil?: string | null;
  /** Sent back with every change; a stale one gets 409. */
  version: number;
}

export interface UserPage {
  items: ManagedUser[];
  nextCursor: string | null;
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  teamId?: string;
}

/** A created user and their one-time temporary password, shown once. */
export interface CreatedUser {
  user: ManagedUser;
  temporaryPassword: string;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  /** null takes the user off their team. */
  teamId?: string | null;
  version: number;
}

/** Commands on a user, each its own endpoint. `unlock` also sends the version shown. */
export type UserCommand = 'disable' | 'enable' | 'reset-mfa' | 'sign-out-everywhere' | 'unlock';

export interface Team {
  id: string;
  name: string;
}
