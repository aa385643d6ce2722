/**
 * Operator commands, run from the built bundle so they use exactly the migrations the API
 * ships: `migrate` (npm run db:migrate) and `seed [--force]` (npm run db:seed).
 */
import { ConfigurationError, loadConfiguration } from '@waypoint/api-config';
import { DatabaseSetupError, prepareDatabase } from '@waypoint/api-database';
import { seedDemoProgram } from '@waypoint/api-demo-data';
import { consoleLog } from './app/console-log';

const USAGE = 'usage: cli.js migrate | seed [--force]';

async function run(args: string[]): Promise<number> {
  const [command, ...flags] = args;
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
    const known = error instanceof ConfigurationError || error instanceof DatabaseSetupError;
    process.stderr.write(`\n${known ? (error as Error).message : (error as Error)?.stack}\n\n`);
    process.exit(1);
  },
);
