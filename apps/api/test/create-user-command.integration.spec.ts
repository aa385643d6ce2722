import { CommandLineError, createUserFromCommandLine } from '@waypoint/api-users';
import { createTestDatabase, type TestDatabase } from '@waypoint/api-testing';

describe('user:create command', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('creates the first admin and their program, with a temporary password and no MFA yet', async () => {
    const created = await createUserFromCommandLine(database.ownerUrl, {
      role: 'admin',
      email: 'first.admin@example.org',
      name: 'First Admin',
      program: 'Example Recovery Org',
    });
    expect(created.temporaryPassword.length).toBeGreaterThanOrEqual(16);
    const { rows } = await database.owner.query(
      `SELECT u.role, u.mfa_enabled_at, u.password_hash, p.name FROM users u JOIN programs p ON p.id = u.program_id`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: 'admin', mfa_enabled_at: null, name: 'Example Recovery Org' });
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a duplicate email, an unknown role and an ambiguous program, changing nothing', async () => {
    const attempt = (overrides: object) =>
      createUserFromCommandLine(database.ownerUrl, { role: 'admin', email: 'x@example.org', name: 'X', program: 'Example Recovery Org', ...overrides });
    await expect(attempt({ email: 'FIRST.ADMIN@example.org' })).rejects.toBeInstanceOf(CommandLineError);
    await expect(attempt({ role: 'root' })).rejects.toThrow(/--role must be one of/);
    await createUserFromCommandLine(database.ownerUrl, { role: 'admin', email: 'other@example.org', name: 'O', program: 'Second Org' });
    await expect(attempt({ program: undefined })).rejects.toThrow(/--program/);
    const { rows } = await database.owner.query(`SELECT count(*)::int AS n FROM users`);
    expect(rows[0].n).toBe(2);
  });
});
