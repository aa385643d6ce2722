import type { Permission, Role } from '@waypoint/shared-contracts';

/** The signed-in person, as `/auth/me` and `/auth/mfa/verify` describe them. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  credentials: string | null;
  teamId: string | null;
  organizationId: string | null;
  programName: string;
  timeZone: string;
  permissions: Permission[];
}

/** The session behind the cookies: ISO timestamps in the server's clock. */
export interface SessionInfo {
  id: string;
  idleExpiresAt: string;
  expiresAt: string;
}

export interface MeResponse {
  user: SessionUser;
  session: SessionInfo;
}

/** What the password step asks for next. */
export type SignInNextStep = 'mfa' | 'mfa-enrollment';

export interface SignInResponse {
  next: SignInNextStep;
}

/** A new TOTP secret, shown once: `qrSvg` is server-generated SVG markup. */
export interface MfaEnrollment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/** Exactly one of the two: a code from the authenticator app, or a recovery code. */
export type SecondFactor = { code: string } | { recoveryCode: string };

export interface VerifyResponse {
  user: SessionUser;
  /** Only on the first code after enrollment; shown once and never again. */
  recoveryCodes?: string[];
}

/** One of the signed-in person's own sessions (a browser on a device). */
export interface AccountSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  /** Whether this is the session making the request. */
  current: boolean;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}
