import { randomBytes } from 'node:crypto';
import { hashRecoveryCode, newRecoveryCodes, recoveryCodeMatches } from './recovery-codes';
import { open, seal } from './secret-box';
import { currentTotpCode, newTotpSecret, totpUri, verifyTotp } from './totp';

describe('TOTP', () => {
  it('accepts the current code once and refuses its replay', () => {
    const secret = newTotpSecret();
    const code = currentTotpCode(secret);
    const first = verifyTotp(secret, code, null);
    expect(first.valid).toBe(true);
    const step = first.valid ? first.timeStep : -1;
    expect(verifyTotp(secret, code, step)).toEqual({ valid: false });
  });

  it('accepts a code from the previous step but not from two steps ago', () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const code = currentTotpCode(secret);
    expect(verifyTotp(secret, code, null, now + 30_000).valid).toBe(true);
    expect(verifyTotp(secret, code, null, now + 65_000).valid).toBe(false);
  });

  it('refuses a wrong or malformed code', () => {
    const secret = newTotpSecret();
    const wrong = String((Number(currentTotpCode(secret)) + 1) % 1000000).padStart(6, '0');
    expect(verifyTotp(secret, wrong, null).valid).toBe(false);
    expect(verifyTotp(secret, '12ab56', null).valid).toBe(false);
    expect(verifyTotp(secret, '', null).valid).toBe(false);
  });

  it('builds an otpauth URI naming Waypoint', () => {
    expect(totpUri('JBSWY3DPEHPK3PXP', 'specialist@demo.waypoint.test')).toMatch(/^otpauth:\/\/totp\/Waypoint:.*issuer=Waypoint/);
  });
});

describe('secret box', () => {
  const key = randomBytes(32);

  it('round-trips and binds the ciphertext to its row', () => {
    const sealed = seal(key, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed.toString('utf8')).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(key, sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => open(key, sealed, 'user-2')).toThrow();
    expect(() => open(randomBytes(32), sealed, 'user-1')).toThrow();
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes that match their hash, forgivingly typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const stored = hashRecoveryCode(codes[0]);
    expect(recoveryCodeMatches(codes[0].toUpperCase().replace('-', ' '), stored)).toBe(true);
    expect(recoveryCodeMatches(codes[1], stored)).toBe(false);
  });
});
