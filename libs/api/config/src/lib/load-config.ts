import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BillingRule } from '@waypoint/shared-contracts';
import type { AppConfig, CrisisResource } from './app-config';
import { EnvReader } from './env-reader';
import { resolveSecrets } from './local-secrets';

/** Thrown when the environment is unusable; its message names every bad variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Waypoint cannot start, its configuration has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Builds the validated configuration from an environment (normally `process.env`).
 * Defaults are for a laptop: loopback, port 3000, embedded database under `.data/`.
 */
export function loadConfiguration(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): AppConfig {
  const reader = new EnvReader(env);
  const nodeEnv = reader.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const dataDir = resolve(cwd, reader.string('DATA_DIR', '.data'));
  const url = reader.postgresUrl('DATABASE_URL');
  const migrationUrl = reader.postgresUrl('DATABASE_MIGRATION_URL');
  if (migrationUrl !== undefined && url === undefined) {
    reader.problems.push('DATABASE_MIGRATION_URL needs DATABASE_URL as well (the API connection)');
  }

  const config: AppConfig = {
    env: nodeEnv,
    host: reader.string('HOST', '127.0.0.1'),
    port: reader.integer('PORT', 3000, 1, 65535),
    dataDir,
    database: {
      url,
      migrationUrl: migrationUrl ?? url,
      embeddedPort: reader.integer('EMBEDDED_DATABASE_PORT', 5439, 1024, 65535),
      poolSize: reader.integer('DATABASE_POOL_SIZE', 10, 1, 200),
      statementTimeoutMs: reader.integer('DATABASE_STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
    },
    http: {
      bodyLimitBytes: reader.integer('BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
      corsOrigins: reader.origins('CORS_ORIGINS'),
      trustProxy: reader.boolean('TRUST_PROXY', false),
      webDistDir: resolveWebDist(reader.optionalString('WEB_DIST_DIR'), cwd),
    },
    sessions: {
      accessTokenMinutes: reader.integer('ACCESS_TOKEN_MINUTES', 10, 1, 15),
      idleMinutes: reader.integer('SESSION_IDLE_MINUTES', 15, 1, 240),
      absoluteHours: reader.integer('SESSION_ABSOLUTE_HOURS', 12, 1, 24),
      signInRequestsPerMinute: reader.integer('SIGN_IN_REQUESTS_PER_MINUTE', 30, 1, 100000),
      secureCookies: reader.boolean('SECURE_COOKIES', nodeEnv === 'production'),
    },
    audit: {
      retentionMonths: reader.integer('AUDIT_RETENTION_MONTHS', 72, 12, 1200),
      maintenanceMinutes: reader.integer('AUDIT_MAINTENANCE_MINUTES', 60, 1, 1440),
    },
    access: {
      breakGlassMinutes: reader.integer('BREAK_GLASS_MINUTES', 60, 5, 480),
      crisisResources: crisisResources(reader),
    },
    caseload: {
      contactOverdueDays: reader.integer('CONTACT_OVERDUE_DAYS', 14, 1, 365),
    },
    notes: {
      draftOverdueDays: reader.integer('NOTE_DRAFT_OVERDUE_DAYS', 3, 1, 60),
    },
    billing: billingRule(reader),
    logLevel: reader.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    demoSeed: reader.oneOf('DEMO_SEED', ['auto', 'never'] as const, 'auto'),
    shutdownTimeoutMs: reader.integer('SHUTDOWN_TIMEOUT_MS', 10000, 100, 120000),
    secrets: { jwtSecret: '', encryptionKey: Buffer.alloc(0), source: 'environment' },
  };
  if (reader.problems.length === 0) {
    config.secrets = resolveSecrets(reader, dataDir, nodeEnv === 'production');
  }
  if (reader.problems.length > 0) throw new ConfigurationError(reader.problems);
  return config;
}

/** The built dashboard, if there is one: `WEB_DIST_DIR`, else the Nx build output. */
function resolveWebDist(configured: string | undefined, cwd: string): string | undefined {
  const candidate = resolve(cwd, configured ?? 'dist/apps/web/browser');
  return existsSync(resolve(candidate, 'index.html')) ? candidate : undefined;
}

/**
 * CRISIS_LOCAL_RESOURCES: `name|phone|note` entries separated by `;`, e.g.
 * `County mobile crisis team|555-0142|24/7;Harm reduction outreach|555-0199`.
 */
function crisisResources(reader: EnvReader): CrisisResource[] {
  const raw = reader.optionalString('CRISIS_LOCAL_RESOURCES');
  if (!raw) return [];
  const entries = raw.split(';').map((entry) => entry.trim()).filter(Boolean);
  const resources: CrisisResource[] = [];
  for (const entry of entries) {
    const [name, phone, note] = entry.split('|').map((part) => part.trim());
    if (!name || !phone || name.length > 100 || !/^[0-9+()\-. ]{3,40}$/.test(phone) || (note?.length ?? 0) > 200 || entries.length > 20) {
      reader.problems.push(`CRISIS_LOCAL_RESOURCES must be up to 20 "name|phone|note" entries separated by ";" (got "${entry}")`);
      return [];
    }
    resources.push(note ? { name, phone, note } : { name, phone });
  }
  return resources;
}

/**
 * The H0038 billing-unit rule (docs/domain-model.md, "Billing (H0038)"). Defaults: 15-minute units
 * earned from 8 minutes (floor((m + 7) / 15)), 16 units per participant per day, HQ for group
 * sessions, no program modifier. Unless set, the rounding threshold is just over half a unit (8 for
 * 15, 16 for 30).
 */
function billingRule(reader: EnvReader): BillingRule {
  const unitMinutes = reader.integer('BILLING_UNIT_MINUTES', 15, 5, 60);
  let roundingMinutes = reader.integer('BILLING_ROUNDING_MINUTES', Math.floor(unitMinutes / 2) + 1, 1, 60);
  if (roundingMinutes > unitMinutes) {
    reader.problems.push(
      `BILLING_ROUNDING_MINUTES must be from 1 to BILLING_UNIT_MINUTES (${unitMinutes}) (got "${roundingMinutes}")`,
    );
    roundingMinutes = unitMinutes;
  }
  const group = billingModifier(reader, 'BILLING_GROUP_MODIFIER');
  const groupModifier = group ?? 'HQ';
  const programModifier = billingModifier(reader, 'BILLING_PROGRAM_MODIFIER') ?? null;
  // A claim line cannot carry the same modifier twice (checked only when both are valid).
  if (group !== null && programModifier !== null && programModifier === groupModifier) {
    reader.problems.push(`BILLING_PROGRAM_MODIFIER must differ from BILLING_GROUP_MODIFIER (both "${groupModifier}")`);
  }
  return {
    code: 'H0038',
    unitMinutes,
    roundingMinutes,
    dailyCapUnits: reader.integer('BILLING_DAILY_CAP_UNITS', 16, 1, 96),
    groupModifier,
    programModifier,
  };
}

/**
 * A HCPCS modifier: exactly two letters or digits, upper-cased (`hq` → `HQ`).
 * Undefined when unset; null (and a problem) when malformed.
 */
function billingModifier(reader: EnvReader, name: string): string | null | undefined {
  const raw = reader.optionalString(name);
  if (raw === undefined) return undefined;
  const modifier = raw.toUpperCase();
  if (!/^[A-Z0-9]{2}$/.test(modifier)) {
    reader.problems.push(`${name} must be a two-character modifier of letters or digits, like HQ (got "${raw}")`);
    return null;
  }
  return modifier;
}
