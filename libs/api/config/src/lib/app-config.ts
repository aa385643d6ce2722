import type { BillingRule } from '@waypoint/shared-contracts';

/** Everything the API reads from its environment, validated once at start-up. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  /** Interface the HTTP server binds to; loopback by default so a laptop never exposes demo data. */
  host: string;
  port: number;
  /** Local state: embedded database files and generated secrets. */
  dataDir: string;
  database: DatabaseConfig;
  http: HttpConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessions: SessionConfig;
  access: AccessConfig;
  audit: AuditConfig;
  caseload: CaseloadConfig;
  notes: NotesConfig;
  /** The H0038 billing-unit rule of this program (BILLING_* variables); shared with the dashboard. */
  billing: BillingRule;
  /** Whether to seed the demo program into an empty embedded database on start. */
  demoSeed: 'auto' | 'never';
  /** How long a graceful shutdown may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  secrets: Secrets;
}

export interface DatabaseConfig {
  /** External PostgreSQL the API connects to; absent means the embedded server. */
  url?: string;
  /** Connection that owns the schema and runs migrations; defaults to `url`. */
  migrationUrl?: string;
  embeddedPort: number;
  poolSize: number;
  statementTimeoutMs: number;
}

export interface SessionConfig {
  /** Lifetime of an access token (a JWT in an HttpOnly cookie). */
  accessTokenMinutes: number;
  /** A session with no request for this long ends (server-enforced). */
  idleMinutes: number;
  /** A session ends this long after sign-in whatever happens. */
  absoluteHours: number;
  /** Sign-in, MFA and refresh requests allowed per client IP per minute, across all replicas. */
  signInRequestsPerMinute: number;
  /** Whether cookies are Secure (and `__Host-`/`__Secure-` prefixed); off only for plain-http local use. */
  secureCookies: boolean;
}

export interface AuditConfig {
  /** Whole months of audit trail kept (HIPAA: six years); older months are dropped once verified. */
  retentionMonths: number;
  /** How often the audit job (partitions ahead, verification, retention) runs. */
  maintenanceMinutes: number;
}

export interface AccessConfig {
  /** How long an emergency (break-glass) grant to one participant lasts. */
  breakGlassMinutes: number;
  /** Local crisis lines shown beside 988 on every participant page (CRISIS_LOCAL_RESOURCES). */
  crisisResources: CrisisResource[];
}

export interface NotesConfig {
  /** Drafts older than this many days are listed as overdue documentation (NOTE_DRAFT_OVERDUE_DAYS). */
  draftOverdueDays: number;
}

export interface CaseloadConfig {
  /** Days without a recorded contact after which the caseload highlights a participant (CONTACT_OVERDUE_DAYS). */
  contactOverdueDays: number;
}

export interface CrisisResource {
  name: string;
  phone: string;
  note?: string;
}

export interface HttpConfig {
  /** Largest accepted request body in bytes. */
  bodyLimitBytes: number;
  /** Extra origins allowed by CORS; empty means same origin only. */
  corsOrigins: string[];
  /** Whether to trust X-Forwarded-* from a load balancer in front of the API. */
  trustProxy: boolean;
  /** Folder of the built dashboard served on the API's port; absent means API only. */
  webDistDir?: string;
}

export interface Secrets {
  /** Signs access tokens (HS256 until the identity work brings key rotation). */
  jwtSecret: string;
  /** 32-byte key for encrypting secrets at rest (MFA seeds). */
  encryptionKey: Buffer;
  /** Where the secrets came from, for the start-up log line (never the values). */
  source: 'environment' | 'generated' | 'data-dir';
}
