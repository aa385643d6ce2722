import { hashPassword } from '@waypoint/api-credentials';
import { Roles, type Role } from '@waypoint/shared-contracts';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A mistake in what the operator typed: printed as is, without a stack trace. */
export class CommandLineError extends Error {}

export interface CreateUserOptions {
  email: string;
  name: string;
  role: Role;
  /** Program name; created when no program has it. Optional when the database has exactly one. */
  program?: string;
}

/**
 * `npm run user:create -- --role admin --email a@org --name "A. Admin" [--program "Org"]`:
 * the way to make the first admin of a real deployment. Runs as the schema owner, prints a
 * temporary password once; MFA is enrolled at the first sign-in.
 */
export async function createUserFromCommandLine(ownerUrl: string, options: CreateUserOptions) {
  if (!Roles.includes(options.role)) throw new CommandLineError(`--role must be one of ${Roles.join(', ')}`);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email)) throw new CommandLineError('--email must be an email address');
  if (!options.name.trim()) throw new CommandLineError('--name must not be empty');
  const client = new Client({ connectionString: ownerUrl, application_name: 'waypoint-cli' });
  await client.connect();
  try {
    await client.query('BEGIN');
    const programId = await findOrCreateProgram(client, options.program);
    const temporaryPassword = randomBytes(12).toString('base64url');
    const { rows } = await client.query(
      `INSERT INTO users (program_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [programId, options.email, options.name.trim(), options.role, await hashPassword(temporaryPassword)],
    );
    if (rows.length === 0) throw new CommandLineError(`A user with the email ${options.email} already exists`);
    await client.query('COMMIT');
    return { userId: rows[0].id as string, temporaryPassword };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

async function findOrCreateProgram(client: Client, name: string | undefined): Promise<string> {
  if (name) {
    const found = await client.query(`SELECT id FROM programs WHERE name = $1`, [name]);
    if (found.rows.length > 0) return found.rows[0].id;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'program';
    const created = await client.query(`INSERT INTO programs (name, slug) VALUES ($1, $2) RETURNING id`, [name, `${slug}-${randomBytes(3).toString('hex')}`]);
    return created.rows[0].id;
  }
  const all = await client.query(`SELECT id FROM programs LIMIT 2`);
  if (all.rows.length !== 1) throw new CommandLineError('Name the program with --program "Program name" (it is created if new)');
  return all.rows[0].id;
}
