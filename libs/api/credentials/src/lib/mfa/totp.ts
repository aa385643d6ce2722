import { authenticator } from 'otplib';

/**
 * RFC 6238 as every authenticator app expects: SHA-1, 6 digits, 30-second steps, accepting the
 * previous and the next step for clock drift and typing time. (otplib 12: its 13.x line is
 * ES-module-only and would not load under Jest.)
 */
const ISSUER = 'Waypoint';
const STEP_SECONDS = 30;
const totp = authenticator.clone({ step: STEP_SECONDS, window: 1 });

export function newTotpSecret(): string {
  return totp.generateSecret(20);
}

export function totpUri(secret: string, accountName: string): string {
  return totp.keyuri(accountName, ISSUER, secret);
}

/** The code an authenticator shows at `now` (tests, and the demo's documentation). */
export function currentTotpCode(secret: string, now: number = Date.now()): string {
  return totp.clone({ epoch: now }).generate(secret);
}

/**
 * Verifies a code and returns the time step it belongs to. Codes from a step at or before
 * `lastUsedStep` are refused, so a code cannot be replayed within its window: store the
 * returned step with the user.
 */
export function verifyTotp(
  secret: string,
  code: string,
  lastUsedStep: number | null,
  now: number = Date.now(),
): { valid: true; timeStep: number } | { valid: false } {
  if (!/^\d{6}$/.test(code)) return { valid: false };
  const checker = totp.clone({ epoch: now });
  let delta: number | null;
  try {
    delta = checker.checkDelta(code, secret);
  } catch {
    return { valid: false };
  }
  if (delta === null) return { valid: false };
  const timeStep = Math.floor(now / 1000 / STEP_SECONDS) + delta;
  if (lastUsedStep !== null && timeStep <= lastUsedStep) return { valid: false };
  return { valid: true, timeStep };
}
