// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the `*.txt` module type must travel with this file into every project that compiles it
/// <reference path="../../text-assets.d.ts" />
import commonPasswordText from './common-passwords.txt';

/** NIST SP 800-63B: length, not composition rules; refuse known-common passwords. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let commonPasswords: Set<string> | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set(commonPasswordText.split('\n').map((line) => line.trim().toLowerCase()).filter(Boolean));
  return commonPasswords.has(password.toLowerCase());
}

/** Why a new password is refused, or `undefined` when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | undefined {
  const length = [...password].length; // code points, so an emoji counts once
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  // "password1234" is as weak as "password": also test the word without trailing digits/symbols.
  const stem = password.replace(/[\d\W_]+$/u, '');
  if (isCommon(password) || (stem.length >= 6 && isCommon(stem)) || /^(.)\1+$/u.test(password)) {
    return 'This password is too common; choose one that is hard to guess.';
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    return 'Do not use your email address in your password.';
  }
  return undefined;
}

/** How many passwords the common list holds (for tests and the start-up log). */
export function commonPasswordCount(): number {
  isCommon('');
  return commonPasswords?.size ?? 0;
}
