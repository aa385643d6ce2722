import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's first recommended setting (m=19 MiB, t=2, p=1). Hashes made with weaker
 * parameters are upgraded transparently at the next successful sign-in.
 */
export const ARGON2ID_PARAMETERS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2ID_PARAMETERS.memoryCost},t=${ARGON2ID_PARAMETERS.timeCost},p=${ARGON2ID_PARAMETERS.parallelism}$`;

/** A valid argon2id hash of a random password: verifying against it costs as much as a real one. */
let decoyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_PARAMETERS);
}

/**
 * Checks a password. With no stored hash (unknown email, no password set) it still spends the
 * full argon2 cost against a decoy, so the response time does not reveal whether the account exists.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    decoyHash ??= hashPassword(`decoy-${Math.random()}`);
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** Whether a stored hash was made with other parameters than today's and should be redone. */
export function needsRehash(storedHash: string): boolean {
  return !storedHash.startsWith(CURRENT_PREFIX);
}
