import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvReader } from './env-reader';
import type { Secrets } from './app-config';

const MIN_JWT_SECRET_LENGTH = 32;

interface StoredSecrets {
  jwtSecret: string;
  encryptionKey: string;
}

/**
 * Secrets come from the environment; outside production a missing one is generated once into
 * `<dataDir>/secrets.json` (mode 600) so a fresh clone starts with no configuration and keeps
 * its sessions and encrypted data across restarts. Production refuses to invent them.
 */
export function resolveSecrets(reader: EnvReader, dataDir: string, production: boolean): Secrets {
  const jwtSecret = reader.optionalString('JWT_SECRET');
  const encryptionKeyText = reader.optionalString('ENCRYPTION_KEY');

  if (jwtSecret !== undefined && jwtSecret.length < MIN_JWT_SECRET_LENGTH) {
    reader.problems.push(`JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters`);
  }
  const encryptionKey = encryptionKeyText === undefined ? undefined : decodeKey(encryptionKeyText);
  if (encryptionKeyText !== undefined && encryptionKey === undefined) {
    reader.problems.push('ENCRYPTION_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  }

  if (jwtSecret !== undefined && encryptionKey !== undefined) {
    return { jwtSecret, encryptionKey, source: 'environment' };
  }
  if (production) {
    if (jwtSecret === undefined) reader.problems.push('JWT_SECRET is required when NODE_ENV=production');
    if (encryptionKeyText === undefined) reader.problems.push('ENCRYPTION_KEY is required when NODE_ENV=production');
    return { jwtSecret: '', encryptionKey: Buffer.alloc(0), source: 'environment' };
  }

  const { stored, generated } = readOrCreateStoredSecrets(dataDir);
  return {
    jwtSecret: jwtSecret ?? stored.jwtSecret,
    encryptionKey: encryptionKey ?? (decodeKey(stored.encryptionKey) as Buffer),
    source: generated ? 'generated' : 'data-dir',
  };
}

function decodeKey(text: string): Buffer | undefined {
  const key = Buffer.from(text, 'base64');
  return key.length === 32 ? key : undefined;
}

function readOrCreateStoredSecrets(dataDir: string): { stored: StoredSecrets; generated: boolean } {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
    if (stored.jwtSecret?.length >= MIN_JWT_SECRET_LENGTH && decodeKey(stored.encryptionKey ?? '')) {
      return { stored, generated: false };
    }
    throw new Error(`${file} is damaged; move it aside to generate new local secrets`);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const stored: StoredSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return { stored, generated: true };
}
