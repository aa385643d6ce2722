import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Passwords of the embedded server's three login roles, generated once per data folder. */
export interface EmbeddedCredentials {
  superuserPassword: string;
  ownerPassword: string;
  apiPassword: string;
}

export function readOrCreateEmbeddedCredentials(dataDir: string): EmbeddedCredentials {
  const file = join(dataDir, 'embedded-postgres.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as EmbeddedCredentials;
  const credentials: EmbeddedCredentials = {
    superuserPassword: newPassword(),
    ownerPassword: newPassword(),
    apiPassword: newPassword(),
  };
  writeFileSync(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  return credentials;
}

function newPassword(): string {
  // base64url has no quote characters, so it is safe inside the role DDL's string literal.
  return randomBytes(24).toString('base64url');
}
