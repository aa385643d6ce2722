import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The CSRF token is derived from the session (HMAC of its id), so it cannot be guessed or
 * planted by another site, and needs no storage. The dashboard reads it from its cookie and
 * echoes it in X-CSRF-Token on every state-changing request; SameSite=Strict is the first wall.
 */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

export function csrfTokenMatches(secret: string, sessionId: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionId));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
