/**
 * Operator commands, run from the built bundle so they use exactly the migrations the API
 * ships: `migrate` (npm run db:migrate), `seed [--force]` (npm run db:seed) and
 * `audit:verify [--full]` (npm run audit:verify).
 */
import { verifyChain } from '@waypoint/api-audit';
import { ConfigurationError, loadConfiguration } from '@waypoint/api-config';
import { DatabaseSetupError, prepareDatabase } from '@waypoint/api-database';
import { seedDemoProgram } from '@waypoint/api-demo-data';
import { CommandLineError, createUserFromCommandLine } from '@waypoint/api-users';
import type { Role } from '@waypoint/shared-contracts';
import { Client } from 'pg';
import { consoleLog } from './app/console-log';

const USAGE =
  'usage: cli.js migrate | seed [--force] | audit:verify [--full] | user:create --role ROLE --email EMAIL --name NAME [--program NAME]';

/** `--key value` pairs after the command. */
function options(flags: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (let i = 0; i < flags.length; i += 2) {
    if (!flags[i].startsWith('--') || flags[i + 1] === undefined) throw new CommandLineError(USAGE);
    result[flags[i].slice(2)] = flags[i + 1];
  }
  return result;
}

async function createUser(flags: string[]): Promise<number> {
  const given = options(flags);
  const config = loadConfiguration();
  const database = await prepareDatabase(config, consoleLog);
  try {
    const { temporaryPassword } = await createUserFromCommandLine(database.ownerUrl, {
      role: given['role'] as Role,
      email: given['email'] ?? '',
      name: given['name'] ?? '',
      program: given['program'],
    });
    process.stdout.write(
      `\nCreated ${given['role']} ${given['email']}.\nTemporary password (shown once): ${temporaryPassword}\n` +
        'They set up two-step verification at their first sign-in.\n\n',
    );
    return 0;
  } finally {
    await database.stop();
  }
}

/**
 * Walks the audit chain (from the last checkpoint, or from the oldest kept row with --full)
 * and names the first row that does not match. Exit code 1 when the chain is broken.
 */
async function verifyAudit(flags: string[]): Promise<number> {
  if (flags.some((flag) => flag !== '--full')) throw new CommandLineError(USAGE);
  const config = loadConfiguration();
  const database = await prepareDatabase(config, consoleLog);
  const client = new Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    const result = await verifyChain(async (sql, params) => (await client.query(sql, params)).rows, { incremental: !flags.includes('--full') });
    if (!result.ok) {
      process.stdout.write(`\nAUDIT CHAIN BROKEN at row ${result.firstBrokenId}: ${result.problem}\n\n`);
      return 1;
    }
    process.stdout.write(
      `\nAudit chain intact: ${result.checked} rows checked (${result.fromId + 1}–${result.throughId}), head ${result.headHash}\n\n`,
    );
    return 0;
  } finally {
    await client.end();
    await database.stop();
  }
}

async function run(args: string[]): Promise<number> {
  const [command, ...flags] = args;
  if (command === 'user:create') return createUser(flags);
  if (command === 'audit:verify') return verifyAudit(flags);
  const unknown = flags.filter((flag) => flag !== '--force');
  if ((command !== 'migrate' && command !== 'seed') || unknown.length > 0 || (command === 'migrate' && flags.length > 0)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfiguration();
  const database = await prepareDatabase(config, consoleLog);
  try {
    consoleLog.info(
      database.applied.length > 0 ? `Applied migrations: ${database.applied.join(', ')}` : 'The schema is up to date',
    );
    if (command === 'seed') {
      const outcome = await seedDemoProgram(database.ownerUrl, {
        encryptionKey: config.secrets.encryptionKey,
        force: flags.includes('--force'),
      });
      if (!outcome.seeded) {
        consoleLog.info(`Nothing seeded: ${outcome.reason}`);
      } else {
        consoleLog.info(`Seeded the demo program with ${outcome.participants} synthetic participants`);
        process.stdout.write(
          `\nDemo sign-ins (password ${outcome.password}, TOTP secret ${outcome.totpSecret}):\n${outcome.accounts.map((a) => `  ${a.role.padEnd(11)} ${a.email}`).join('\n')}\n\n`,
        );
      }
    }
    return 0;
  } finally {
    await database.stop();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof ConfigurationError || error instanceof DatabaseSetupError || error instanceof CommandLineError;
    process.stderr.write(`\n${known ? (error as Error).message : (error as Error)?.stack}\n\n`);
    process.exit(1);
  },
);
