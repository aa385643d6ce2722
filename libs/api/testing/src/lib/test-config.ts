import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, loadConfiguration } from '@waypoint/api-config';

/**
 * A configuration for a test app: test mode, silent logs, secrets of its own, a private data
 * folder, and any variables the test wants to vary (e.g. BODY_LIMIT_BYTES).
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfiguration(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      WEB_DIST_DIR: join(tmpdir(), 'waypoint-no-dashboard'),
      // Tests sign many users in from 127.0.0.1; the throttling test sets its own limit.
      SIGN_IN_REQUESTS_PER_MINUTE: '10000',
      ...overrides,
    },
    mkdtempSync(join(tmpdir(), 'waypoint-test-')),
  );
}
