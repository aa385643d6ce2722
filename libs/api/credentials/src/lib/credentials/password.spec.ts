import { hash } from '@node-rs/argon2';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher';
import { commonPasswordCount, passwordProblem } from './password-policy';

describe('password hashing', () => {
  it('stores argon2id at m=19456, t=2, p=1 and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapler')).toBe(false);
  });

  it('spends the argon2 cost even when there is no account, and says no', async () => {
    const started = process.hrtime.bigint();
    expect(await verifyPassword(undefined, 'whatever-you-type')).toBe(false);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(elapsedMs).toBeGreaterThan(5); // a real argon2 verification, not an early return
  });

  it('never accepts a malformed stored hash', async () => {
    expect(await verifyPassword('$argon2id$garbage', 'anything at all')).toBe(false);
  });

  it('asks for a rehash when the parameters are weaker than today', async () => {
    const weak = await hash('correct horse battery staple', { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('correct horse battery staple'))).toBe(false);
  });
});

describe('password policy', () => {
  it('ships at least the 10,000 most common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10000);
  });

  it.each(['short', '12345678901'])('refuses fewer than 12 characters (%s)', (password) => {
    expect(passwordProblem(password)).toBe('Use at least 12 characters.');
  });

  it('refuses a common password whatever its case', () => {
    expect(passwordProblem('123QWEasdZXC')).toMatch(/too common/);
    expect(passwordProblem('PASSWORD1234!')).toMatch(/too common/);
    expect(passwordProblem('aaaaaaaaaaaaaaa')).toMatch(/too common/);
  });

  it('refuses more than 128 characters and the account name inside the password', () => {
    expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem('jordan-avery-likes-tea', { email: 'jordan-avery@x.test' })).toMatch(/email/);
  });

  it('accepts a long passphrase without composition rules', () => {
    expect(passwordProblem('river stones and quiet mornings')).toBeUndefined();
  });
});
