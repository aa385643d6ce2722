import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadConfiguration } from './load-config';

const strongSecret = 'x'.repeat(40);
const key = Buffer.alloc(32, 7).toString('base64');

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'waypoint-config-'));
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfiguration(env, freshDir());
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfiguration', () => {
  it('starts with no configuration: loopback, port 3000, embedded database', () => {
    const config = loadConfiguration({}, freshDir());
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
  });

  it('generates local secrets once into the data dir with mode 600 and reuses them', () => {
    const cwd = freshDir();
    const first = loadConfiguration({}, cwd);
    expect(first.secrets.source).toBe('generated');
    expect(first.secrets.encryptionKey).toHaveLength(32);
    const file = join(cwd, '.data', 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfiguration({}, cwd);
    expect(second.secrets.source).toBe('data-dir');
    expect(second.secrets.jwtSecret).toBe(first.secrets.jwtSecret);
    expect(readFileSync(file, 'utf8')).toContain(first.secrets.jwtSecret);
  });

  it('refuses to start in production without secrets, naming both variables', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      'JWT_SECRET is required when NODE_ENV=production',
      'ENCRYPTION_KEY is required when NODE_ENV=production',
    ]);
  });

  it('accepts secrets from the environment in production', () => {
    const config = loadConfiguration({ NODE_ENV: 'production', JWT_SECRET: strongSecret, ENCRYPTION_KEY: key }, freshDir());
    expect(config.secrets.source).toBe('environment');
  });

  it('reads local crisis lines, and refuses a malformed list', () => {
    const config = loadConfiguration({ CRISIS_LOCAL_RESOURCES: 'County mobile crisis team|555-0142|24/7; Harm reduction outreach | 555-0199' }, freshDir());
    expect(config.access.crisisResources).toEqual([
      { name: 'County mobile crisis team', phone: '555-0142', note: '24/7' },
      { name: 'Harm reduction outreach', phone: '555-0199' },
    ]);
    expect(loadConfiguration({}, freshDir()).access.crisisResources).toEqual([]);
    expect(problemsOf({ CRISIS_LOCAL_RESOURCES: 'Just a name' })).toEqual([expect.stringContaining('CRISIS_LOCAL_RESOURCES')]);
    expect(problemsOf({ CRISIS_LOCAL_RESOURCES: 'Line|call us' })).toEqual([expect.stringContaining('CRISIS_LOCAL_RESOURCES')]);
  });

  it('reads the caseload contact threshold: 14 days unless set, and only a sensible number of days', () => {
    expect(loadConfiguration({}, freshDir()).caseload.contactOverdueDays).toBe(14);
    expect(loadConfiguration({ CONTACT_OVERDUE_DAYS: '30' }, freshDir()).caseload.contactOverdueDays).toBe(30);
    expect(problemsOf({ CONTACT_OVERDUE_DAYS: '0' })).toEqual([expect.stringContaining('CONTACT_OVERDUE_DAYS')]);
    expect(problemsOf({ CONTACT_OVERDUE_DAYS: 'two weeks' })).toEqual([expect.stringContaining('CONTACT_OVERDUE_DAYS')]);
  });

  it('reads when a draft note counts as overdue documentation: 3 days unless set', () => {
    expect(loadConfiguration({}, freshDir()).notes.draftOverdueDays).toBe(3);
    expect(loadConfiguration({ NOTE_DRAFT_OVERDUE_DAYS: '7' }, freshDir()).notes.draftOverdueDays).toBe(7);
    expect(problemsOf({ NOTE_DRAFT_OVERDUE_DAYS: '0' })).toEqual([expect.stringContaining('NOTE_DRAFT_OVERDUE_DAYS')]);
  });

  it('reads the H0038 billing rule: the design defaults unless set', () => {
    expect(loadConfiguration({}, freshDir()).billing).toEqual({
      code: 'H0038',
      unitMinutes: 15,
      roundingMinutes: 8,
      dailyCapUnits: 16,
      groupModifier: 'HQ',
      programModifier: null,
    });
    const config = loadConfiguration(
      {
        BILLING_UNIT_MINUTES: '30',
        BILLING_ROUNDING_MINUTES: '20',
        BILLING_DAILY_CAP_UNITS: '8',
        BILLING_GROUP_MODIFIER: 'u1',
        BILLING_PROGRAM_MODIFIER: ' hf ',
      },
      freshDir(),
    );
    expect(config.billing).toEqual({
      code: 'H0038',
      unitMinutes: 30,
      roundingMinutes: 20,
      dailyCapUnits: 8,
      groupModifier: 'U1',
      programModifier: 'HF',
    });
  });

  it('defaults the rounding threshold to just over half the unit', () => {
    expect(loadConfiguration({ BILLING_UNIT_MINUTES: '30' }, freshDir()).billing.roundingMinutes).toBe(16);
    expect(loadConfiguration({ BILLING_UNIT_MINUTES: '15', BILLING_ROUNDING_MINUTES: '15' }, freshDir()).billing.roundingMinutes).toBe(15);
  });

  it('refuses billing values out of range, naming the variable', () => {
    for (const [name, value] of [
      ['BILLING_UNIT_MINUTES', '4'],
      ['BILLING_UNIT_MINUTES', '61'],
      ['BILLING_UNIT_MINUTES', 'quarter hour'],
      ['BILLING_ROUNDING_MINUTES', '0'],
      ['BILLING_DAILY_CAP_UNITS', '0'],
      ['BILLING_DAILY_CAP_UNITS', '97'],
      ['BILLING_DAILY_CAP_UNITS', '1.5'],
    ]) {
      expect(problemsOf({ [name]: value })).toEqual([expect.stringContaining(name)]);
    }
  });

  it('refuses a rounding threshold longer than the unit', () => {
    expect(problemsOf({ BILLING_ROUNDING_MINUTES: '16' })).toEqual([
      expect.stringMatching(/^BILLING_ROUNDING_MINUTES .*BILLING_UNIT_MINUTES \(15\)/),
    ]);
    expect(problemsOf({ BILLING_UNIT_MINUTES: '10', BILLING_ROUNDING_MINUTES: '11' })).toEqual([
      expect.stringContaining('BILLING_ROUNDING_MINUTES'),
    ]);
  });

  it('refuses modifiers that are not two letters or digits, and the same modifier twice', () => {
    for (const name of ['BILLING_GROUP_MODIFIER', 'BILLING_PROGRAM_MODIFIER']) {
      for (const value of ['H', 'HQX', 'H-', 'H Q']) {
        expect(problemsOf({ [name]: value })).toEqual([expect.stringContaining(name)]);
      }
    }
    expect(problemsOf({ BILLING_PROGRAM_MODIFIER: 'hq' })).toEqual([expect.stringContaining('BILLING_PROGRAM_MODIFIER must differ')]);
    expect(problemsOf({ BILLING_GROUP_MODIFIER: 'HQX', BILLING_PROGRAM_MODIFIER: 'HQ' })).toEqual([expect.stringContaining('BILLING_GROUP_MODIFIER')]);
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'eighty', TRUST_PROXY: 'maybe', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT.*TRUST_PROXY|TRUST_PROXY.*PORT/s);
    expect(problems.some((p) => p.startsWith('DATABASE_URL'))).toBe(true);
    expect(problems.some((p) => p.startsWith('LOG_LEVEL'))).toBe(true);
  });

  it('never echoes a database URL, which may hold a password', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://user:hunter2@db/x' });
    expect(problems.join(' ')).not.toContain('hunter2');
  });

  it('rejects a weak JWT secret and a key of the wrong length', () => {
    const problems = problemsOf({ JWT_SECRET: 'short', ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') });
    expect(problems).toHaveLength(2);
  });

  it('rejects CORS entries that are not bare origins', () => {
    expect(problemsOf({ CORS_ORIGINS: 'https://ok.example.org,https://bad.example.org/path' })).toHaveLength(1);
  });

  it('uses DATABASE_URL for migrations unless DATABASE_MIGRATION_URL is given', () => {
    const url = 'postgres://app@db/waypoint';
    expect(loadConfiguration({ DATABASE_URL: url }, freshDir()).database.migrationUrl).toBe(url);
    const owner = 'postgres://owner@db/waypoint';
    expect(loadConfiguration({ DATABASE_URL: url, DATABASE_MIGRATION_URL: owner }, freshDir()).database.migrationUrl).toBe(owner);
  });
});
